import type { Texts } from '../core/config/types';
import { isHeld } from '../loader/effects/marking';
import type { ResolvedNeed } from '../loader/effects/types';

export interface PlaceholderOptions {
  texts: Pick<Texts, 'placeholderText' | 'loadOnce' | 'alwaysAllow'>;
  /** Shown for {service}; default: the service id, else the embed's host. */
  serviceName?: string;
  /** Shown for {category} and on the "Always allow" button; default: the category id. */
  categoryTitle?: string;
  /** "Always allow <category>": the loader grants the category; the gate then activates the embed. */
  onAlwaysAllow(): void;
  /**
   * "Load this once": the loader's `loadOnce(el)`. Passed in, not imported, so a placeholder drawn by a
   * separately built file activates through the loader's own code (one Trusted Types policy per page).
   */
  onLoadOnce(): void;
}

const size = (el: Element, name: 'width' | 'height', measured: number, fallback: number) => {
  const value = el.getAttribute(name) || '';
  return /^\d+$/.test(value) ? value + 'px' : value || (measured || fallback) + 'px';
};

/**
 * A box of the held embed's size, in its place, saying which service and category it needs, with
 * "Load this once" and "Always allow <category>". Plain DOM styled through CSSOM (allowed by a strict CSP);
 * every text is set as text. It removes itself once the embed is activated. Returns how to remove it.
 */
export function showPlaceholder(el: Element, need: ResolvedNeed, options: PlaceholderOptions): () => void {
  const target = el as HTMLElement;
  const { texts } = options;
  let host = '';
  try {
    host = new URL(el.getAttribute('data-src') || el.getAttribute('data-data') || '', document.baseURI).hostname;
  } catch {
    // No URL to name: the service id or the category says enough.
  }
  const service = options.serviceName || need.service || host;
  const category = options.categoryTitle || need.category;
  const rect = el.getBoundingClientRect();

  const box = document.createElement('div');
  box.setAttribute('data-consentry-placeholder', need.category);
  Object.assign(box.style, {
    boxSizing: 'border-box',
    width: size(el, 'width', rect.width, 300),
    height: size(el, 'height', rect.height, 150),
    maxWidth: '100%',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: '12px',
    padding: '16px',
    background: '#f3f4f6',
    color: '#111827',
    border: '1px solid #9ca3af',
    borderRadius: '6px',
    font: '14px/1.4 system-ui,sans-serif',
    textAlign: 'center',
    overflow: 'auto',
  });
  const text = document.createElement('p');
  text.style.margin = '0';
  // Function replacers: a name is inserted as is, never read as a pattern ("$&", "$'").
  text.textContent = texts.placeholderText.replace('{service}', () => service).replace('{category}', () => category);
  const actions = document.createElement('div');
  Object.assign(actions.style, { display: 'flex', flexWrap: 'wrap', gap: '8px', justifyContent: 'center' });
  const button = (label: string, action: () => void, primary: boolean) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    Object.assign(b.style, {
      font: 'inherit',
      padding: '8px 14px',
      borderRadius: '4px',
      cursor: 'pointer',
      border: '2px solid #1f2937',
      background: primary ? '#1f2937' : '#fff',
      color: primary ? '#fff' : '#1f2937',
    });
    b.onclick = action;
    actions.append(b);
  };
  button(texts.loadOnce, options.onLoadOnce, false);
  const always = texts.alwaysAllow.includes('{category}')
    ? texts.alwaysAllow.replace('{category}', () => category)
    : texts.alwaysAllow + ' ' + category;
  button(always, options.onAlwaysAllow, true);
  box.append(text, actions);

  const display = target.style.display;
  target.style.display = 'none';
  el.before(box);

  const observer = new MutationObserver(() => !isHeld(el) && remove());
  observer.observe(el, { attributes: true });
  function remove() {
    observer.disconnect();
    box.remove();
    target.style.display = display;
  }
  return remove;
}
