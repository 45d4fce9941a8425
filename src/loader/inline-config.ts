/**
 * The inline config, and only the site's own: a `<script type="application/json" id="consentry-config">`
 * that comes before the loader, or right after it in <head>, carrying the loader's nonce when the loader
 * has one. Any other element with that id (a `<div>` from a user comment, a later `<script>` in <body>, one
 * without the nonce under a strict CSP) would otherwise decide the page's consent and where the SDK's code
 * comes from: it is ignored, with a warning.
 */
const ID = 'consentry-config';
const warn = (message: string) => console.warn('consentry: ' + message);

/** Why this element is not the site's config, or '' when it is. */
function refusal(el: Element, loader: HTMLScriptElement | null, nonce: string): string {
  if (!(el instanceof HTMLScriptElement) || el.type != 'application/json') return 'not a JSON <script>';
  if (nonce && el.nonce != nonce) return "without the loader's nonce";
  // 4: the loader follows it; 1 (disconnected) would make that answer arbitrary.
  const before = loader && (el.compareDocumentPosition(loader) & 5) == 4;
  return before || (el == loader?.nextElementSibling && el.parentNode == document.head)
    ? ''
    : 'not before the loader or right after it in <head>';
}

/**
 * The inline config usually follows the loader in <head>, so it is not parsed yet when the loader runs:
 * take it the moment the parser adds it (tags after it are decided before they run), or at DOMContentLoaded.
 * The first element with the id decides: the site's own comes before anything a visitor can add to <body>.
 * Then, if none was taken, `missing` hears what was looked for: a page without a config holds every tag
 * and shows no banner, which looks like nothing at all to its owner.
 */
export function whenInlineConfig(
  loader: HTMLScriptElement | null,
  nonce: string,
  use: (json: string) => void,
  missing: (message: string) => void,
) {
  let done = false;
  const take = () => {
    const el = document.getElementById(ID);
    if (done || !el) return;
    const why = refusal(el, loader, nonce);
    const text = el.textContent!;
    // The parser may have added the element but not all of its text yet: wait for the rest.
    if (!why && document.readyState == 'loading' && !isJson(text)) return;
    done = true;
    observer.disconnect();
    if (why) warn(`ignored #${ID}: ${why}`);
    else use(text);
  };
  const observer = new MutationObserver(take);
  take();
  if (!done) observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      take();
      observer.disconnect();
      // A near miss (id="consent-config", "consentryConfig") is the usual reason.
      const near = document.querySelector(`[id*=onsent][id*=onfig]:not(#${ID})`);
      if (!done)
        missing(
          `consentry: no config: no <script type="application/json" id="${ID}">, no data-config on the loader, no Consentry.init(); tags stay held` +
            (near ? `. Found id="${near.id}": did you mean "${ID}"?` : ''),
        );
    },
    { once: true },
  );
}

function isJson(text: string) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
