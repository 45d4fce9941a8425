/**
 * Makes the page behind a modal inert (unfocusable, hidden from assistive technology), except our own
 * host. Returns how to undo it; elements the page had made inert itself stay inert.
 */
export function makePageInert(keep: Element): () => void {
  const changed = [...document.body.children].filter((element) => element !== keep && !element.hasAttribute('inert'));
  for (const element of changed) element.setAttribute('inert', '');
  return () => {
    for (const element of changed) element.removeAttribute('inert');
  };
}
