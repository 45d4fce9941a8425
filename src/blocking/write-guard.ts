import type { Uninstall } from './types';

const TAG = /<(script|iframe|img|embed|object|link|video|audio|source)\b/i;

/**
 * `document.write` parses inside the calling script, where no observer can run before a written script
 * executes (legacy Baidu Tongji and CNZZ snippets write their tags this way). Written markup that holds a
 * tag is parsed in an inert <template>, checked, and written back with the tags held.
 */
export function patchDocumentWrite(check: (el: Element) => boolean, selector: string): Uninstall {
  const proto = Document.prototype;
  const { write, writeln } = proto;
  const held = (markup: string) => {
    if (!TAG.test(markup)) return null;
    try {
      const template = document.createElement('template');
      template.innerHTML = markup;
      let changed = false;
      template.content.querySelectorAll(selector).forEach((el) => (changed = check(el) || changed));
      return changed ? template.innerHTML : null;
    } catch {
      // Trusted Types refused plain markup: the write goes through unchanged, as the page asked.
      return null;
    }
  };
  const wrap = (original: typeof write) =>
    function (this: Document, ...text: string[]) {
      const markup = held(text.join(''));
      return markup == null ? original.apply(this, text) : original.call(this, markup);
    };
  proto.write = wrap(write);
  proto.writeln = wrap(writeln);
  return () => {
    proto.write = write;
    proto.writeln = writeln;
  };
}
