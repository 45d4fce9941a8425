export interface ShadowHost {
  host: HTMLElement;
  /** The element the UI renders into, inside the shadow root. */
  container: HTMLElement;
}

/**
 * A `<consentry-ui>` element with a shadow root: the page's CSS cannot reach in, ours cannot leak out.
 * Styles go in as a constructed stylesheet (CSSOM, which a CSP without 'unsafe-inline' allows), or as a
 * <style> carrying the site's nonce where constructed stylesheets are missing.
 * It is placed first in <body> so keyboard and screen-reader users meet the banner first; being
 * fixed and empty, it takes no room in the page.
 */
function adoptStyles(root: ShadowRoot, css: string): boolean {
  try {
    if (!root.adoptedStyleSheets) return false;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return true;
  } catch {
    return false;
  }
}

export function createShadowHost(css: string, nonce: string): ShadowHost {
  const host = document.createElement('consentry-ui');
  const root = host.attachShadow({ mode: 'open' });
  if (!adoptStyles(root, css)) {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.append(style);
  }
  const container = document.createElement('div');
  container.className = 'r';
  root.append(container);
  document.body.prepend(host);
  return { host, container };
}
