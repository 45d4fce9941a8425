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
  FRAME: 'src',
  // Only `type=image` fetches it; holding another input's unused src changes nothing.
  INPUT: 'src',
};

/**
 * Elements whose legacy `background=` Chromium loads as an image (the rewriter's list, src/node/rewrite/gated-form.ts).
 * They are found by the attribute, not by tag name: every table cell of a page is no tag worth walking.
 */
const BACKGROUND_TAG = /^(BODY|T(ABLE|HEAD|BODY|FOOT|[RDH]))$/;

export const KIND_SELECTOR = Object.keys(URL_ATTRIBUTE).join() + ',[background],[data-background]';

/** Attributes a held element keeps under `data-*` until it is activated. */
export const HELD_ATTRIBUTES = ['src', 'srcset', 'href', 'data', 'poster', 'background'];

/** What a held tag's category is while the config (and so its rules) is not known yet. Never granted. */
export const PENDING = '?';

/** Whether the element is of a kind that fetches something through one of its attributes. */
export const isKind = (el: Element): boolean => el.tagName in URL_ATTRIBUTE || BACKGROUND_TAG.test(el.tagName);

/** Whether setting `name` makes `el` fetch something: its kind's URL attribute, an img's or source's srcset, a video's poster, a table part's background. */
export const isUrlAttribute = (el: Element, name: string | undefined): boolean =>
  !!name &&
  (name == URL_ATTRIBUTE[el.tagName] ||
    (name == 'srcset' && /^(IMG|SOURCE)$/.test(el.tagName)) ||
    (name == 'poster' && el.tagName == 'VIDEO') ||
    (name == 'background' && BACKGROUND_TAG.test(el.tagName)));
