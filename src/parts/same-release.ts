/**
 * A lazy file that takes part of its code from the loader that fetched it (src/loader/face.ts) must come
 * from the loader's release: a stale CDN copy or a half-finished upgrade gets a clear error, not a broken
 * choice. Throws, so the file registers nothing.
 */
export function requireLoaderRelease(file: string) {
  const loader = (globalThis as { Consentry?: { version?: string } }).Consentry?.version;
  if (loader !== __VERSION__) {
    throw new Error(
      `consentry: ${file} is from release ${__VERSION__} but the loader from ${loader}: serve every consentry file from one release`,
    );
  }
}
