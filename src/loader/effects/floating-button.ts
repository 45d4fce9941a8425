import type { ReadableAtom } from 'nanostores';
import type { ConsentState } from '../../core/policy/types';
import { PAGE_TEXTS } from '../../core/texts/page-texts';
import { rememberedPageTexts } from '../remembered-texts';

const SVG = 'http://www.w3.org/2000/svg';
const COOKIE_ICON =
  'M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5zm-4.5 9a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm3 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm6-1a1 1 0 1 1 0 2 1 1 0 0 1 0-2zM8 6a1 1 0 1 1 0 2 1 1 0 0 1 0-2z';

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
  let button: HTMLButtonElement | undefined;
  // Built only once it is shown, after <body> exists: nothing of it costs the page's <head>.
  const build = () => {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('data-consentry-reopen', '');
    // Storage is read only for a language the loader does not carry, and only once the button is shown.
    button.setAttribute(
      'aria-label',
      label || PAGE_TEXTS[language]?.reopen || rememberedPageTexts(language)?.reopen || PAGE_TEXTS.en.reopen,
    );
    button.title = button.getAttribute('aria-label')!;
    // A drawn cookie, not an emoji: many systems have no colour emoji font.
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '24');
    svg.setAttribute('height', '24');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', COOKIE_ICON);
    svg.append(path);
    button.append(svg);
    Object.assign(button.style, {
      position: 'fixed',
      insetInlineStart: '16px',
      bottom: '16px',
      zIndex: '2147483000',
      width: '44px',
      height: '44px',
      borderRadius: '50%',
      border: '2px solid var(--consentry-reopen-border, #1f2937)',
      background: 'var(--consentry-reopen-bg, #fff)',
      color: 'var(--consentry-reopen-fg, #1f2937)',
      cursor: 'pointer',
      boxShadow: '0 2px 8px rgba(0,0,0,.25)',
      padding: '0',
      display: 'grid',
      placeItems: 'center',
    });
    button.onclick = open;
    return button;
  };
  let wanted = false;
  // The loader runs in <head>: the button waits for <body>.
  const sync = () => {
    if (!wanted) button?.remove();
    else if (!button?.isConnected && document.body) document.body.appendChild((button ||= build()));
  };
  document.addEventListener('DOMContentLoaded', sync);
  const unlisten = $state.subscribe((state) => {
    // Notice-only regions never ask, so the visitor's way to the dialog is there from the start.
    wanted = state.status === 'decided' || state.regime === 'notice-only';
    sync();
  });
  return () => {
    unlisten();
    document.removeEventListener('DOMContentLoaded', sync);
    button?.remove();
  };
}
