import type { UiView } from '../../core/policy/api';

/**
 * Any element with `data-consent-open` opens a view: footer links work without extra script. Empty (or any
 * other value) opens the preferences; "do-not-sell" and "limit-sensitive" open the CCPA/CPRA opt-out views,
 * which §7026(a)(4) does not let the cookie dialog stand in for.
 */
export function installOpenLinks(open: (view: UiView) => void): () => void {
  const onClick = (event: Event) => {
    const value = (event.target as Element | null)?.closest?.('[data-consent-open]')?.getAttribute('data-consent-open');
    if (value == null) return;
    event.preventDefault();
    open(value == 'do-not-sell' || value == 'limit-sensitive' ? value : 'preferences');
  };
  document.addEventListener('click', onClick, true);
  return () => document.removeEventListener('click', onClick, true);
}
