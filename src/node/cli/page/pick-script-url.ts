/**
 * The script to blame for a write: the innermost URL on the stack that is not consentry itself
 * (its cookie guard wraps `document.cookie`, so it sits between the caller and the browser).
 * Consentry is named only when nothing else is on the stack, as when it writes its own cookie.
 */
export function pickScriptUrl(stack: string[], sdkScript: RegExp): string {
  return stack.find((url) => !sdkScript.test(url)) || stack[0] || '';
}

/** Consentry's loader and UI chunk, as served from a CDN, npm or the site's own /dist/. */
export const CONSENTRY_SCRIPT = /\/consentry(-ui|-parts|-gpp)?(\.min)?\.m?js(\?|$)|\/i18n\/[a-z-]+\.js(\?|$)/i;
