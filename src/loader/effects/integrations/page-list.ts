import type { PageWindow } from './contract';

/**
 * Whether `window[name]` can serve as the data layer: missing (created on first push) or a list. A name the
 * page uses for something else (an object, a function, a string) is refused with a warning naming it: pushing
 * onto it would throw while configuring, and no banner would ever show. The validator refuses the names every
 * page has (src/core/config/patterns.ts); this catches the ones a page alone defines.
 */
export function isPageList(win: PageWindow, name: string, warn?: (message: string) => void): boolean {
  const value = win[name];
  const usable = value == null || Array.isArray(value);
  if (!usable) warn?.(`window.${name} is not a list: integrations.dataLayer and googleConsentMode are off`);
  return usable;
}
