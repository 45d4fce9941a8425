/**
 * A URL handed to a guarded API, read exactly once: `[what to pass on, the URL text to decide on]`.
 * Converting twice (once to decide, once inside the native call) lets an object whose `toString` answers
 * differently each time show the guard one URL and request another; so the guard passes on the string it
 * decided on. A TrustedScriptURL is passed on as itself (Trusted Types refuse a plain string) and read
 * through its own prototype's `toString`, which its owner cannot redefine per object. A Request is read
 * through the native `url` getter, which a subclass cannot override for the native call either.
 */
export function readUrl(value: unknown): [unknown, string] {
  for (const [type, read] of [
    ['TrustedScriptURL', 'toString'],
    ['Request', 'url'],
  ]) {
    const proto = (window as unknown as { [name: string]: { prototype: object } | undefined })[type]?.prototype;
    const descriptor = proto && Object.getOwnPropertyDescriptor(proto, read);
    try {
      if (descriptor) return [value, (descriptor.get || descriptor.value).call(value)];
    } catch {
      // Not of this type.
    }
  }
  const url = String(value);
  return [url, url];
}
