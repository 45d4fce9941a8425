/** Any element with `data-consent-open` opens the preferences: footer links work without extra script. */
export function installOpenLinks(open: () => void): () => void {
  const onClick = (event: Event) => {
    const target = event.target as Element | null;
    if (target?.closest?.('[data-consent-open]')) {
      event.preventDefault();
      open();
    }
  };
  document.addEventListener('click', onClick, true);
  return () => document.removeEventListener('click', onClick, true);
}
