/** Each kind of element that fetches or runs something, and the attribute that makes it do so. */
export const URL_ATTRIBUTE: { [tagName: string]: string } = {
  SCRIPT: 'src',
  IFRAME: 'src',
  IMG: 'src',
  EMBED: 'src',
  OBJECT: 'data',
  LINK: 'href',
  VIDEO: 'src',
  AUDIO: 'src',
  SOURCE: 'src',
};

export const KIND_SELECTOR = Object.keys(URL_ATTRIBUTE).join();

/** Attributes a held element keeps under `data-*` until it is activated. */
export const HELD_ATTRIBUTES = ['src', 'srcset', 'href', 'data', 'poster'];

/** What a held tag's category is while the config (and so its rules) is not known yet. Never granted. */
export const PENDING = '?';

/** Whether setting `name` makes `el` fetch something: its kind's URL attribute, an img's or source's srcset, a video's poster. */
export const isUrlAttribute = (el: Element, name: string | undefined): boolean =>
  !!name && (name == URL_ATTRIBUTE[el.tagName] || (name == 'srcset' && /^(IMG|SOURCE)$/.test(el.tagName)) || (name == 'poster' && el.tagName == 'VIDEO'));
