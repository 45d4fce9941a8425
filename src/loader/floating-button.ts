import type { ReadableAtom } from 'nanostores';
import type { ConsentState } from '../consent/types';

const LABELS: { [lang: string]: string } = { en: 'Cookie settings', zh: 'Cookie 设置' };

/**
 * The small "cookie settings" button that lets a visitor withdraw as easily as they agreed. It lives in
 * the loader, not the UI chunk, so a returning visitor downloads nothing more until they click it.
 * Styled through CSSOM so a strict CSP without 'unsafe-inline' allows it.
 */
export function installFloatingButton(
  $state: ReadableAtom<ConsentState>,
  language: string,
  label: string | undefined,
  open: () => void,
): () => void {
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('data-consentry-reopen', '');
  button.setAttribute('aria-label', label || LABELS[language] || LABELS.en);
  button.title = button.getAttribute('aria-label')!;
  button.textContent = '🍪';
  Object.assign(button.style, {
    position: 'fixed', left: '16px', bottom: '16px', zIndex: '2147483000', width: '44px', height: '44px',
    borderRadius: '50%', border: '2px solid #1f2937', background: '#fff', color: '#111827', fontSize: '22px',
    lineHeight: '1', cursor: 'pointer', boxShadow: '0 2px 8px rgba(0,0,0,.25)', padding: '0',
  });
  button.onclick = open;
  let wanted = false;
  // The loader runs in <head>: the button waits for <body>.
  const sync = () => {
    if (!wanted) button.remove();
    else if (!button.isConnected && document.body) document.body.appendChild(button);
  };
  document.addEventListener('DOMContentLoaded', sync);
  const unlisten = $state.subscribe((state) => {
    wanted = state.status === 'decided';
    sync();
  });
  return () => {
    unlisten();
    document.removeEventListener('DOMContentLoaded', sync);
    button.remove();
  };
}
