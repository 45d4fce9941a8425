/**
 * Where the script-tag build loads its own files from (validator, UI chunk, language packs). That code
 * runs with the page's nonce and passes its Trusted Types policy, so the config may move it only within
 * what the site already trusts: `ui.assetsUrl` on the loader's own origin, or on an origin the owner lists
 * in `ui.trustedAssetOrigins`. Anything else is refused with a warning and the loader's folder is used.
 * Returns the base to which a file name is appended.
 */
export function assetsBase(loaderBase: string, assetsUrl = '', trusted: readonly string[] = []): string {
  if (!assetsUrl) return loaderBase;
  try {
    const url = new URL(assetsUrl, document.baseURI);
    if (url.origin == new URL(loaderBase || document.baseURI).origin || trusted.includes(url.origin)) return url.href;
  } catch {
    // Not a URL at all: the loader's folder.
  }
  console.warn(`consentry: ignored ui.assetsUrl ${assetsUrl}: not the loader's origin nor in ui.trustedAssetOrigins`);
  return loaderBase;
}
