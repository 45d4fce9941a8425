/** Resolves once <body> exists: the loader runs in <head>, the UI needs a body to attach to. */
export function domReady(): Promise<void> {
  return document.body
    ? Promise.resolve()
    : new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
