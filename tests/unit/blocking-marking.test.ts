import { describe, expect, test } from 'vitest';
import { isHeld, needOf } from '../../src/loader/effects/marking';

/** Just enough of an Element for the marking rules, which only read attributes. */
function element(tagName: string, attributes: { [name: string]: string }): Element {
  return {
    tagName,
    getAttribute: (name: string) => attributes[name] ?? null,
    hasAttribute: (name: string) => name in attributes,
  } as unknown as Element;
}

describe('isHeld', () => {
  test('a script is held by type="text/plain" only', () => {
    expect(isHeld(element('SCRIPT', { type: 'text/plain' }))).toBe(true);
    expect(isHeld(element('SCRIPT', { type: 'TEXT/PLAIN' }))).toBe(true);
    expect(isHeld(element('SCRIPT', { 'data-src': 'x.js' }))).toBe(false);
    expect(isHeld(element('SCRIPT', { type: 'module' }))).toBe(false);
  });

  test('other elements are held while a URL waits under data-*', () => {
    for (const name of ['data-src', 'data-srcset', 'data-href', 'data-data', 'data-poster'])
      expect(isHeld(element('IMG', { [name]: 'x' }))).toBe(true);
    expect(isHeld(element('IFRAME', { src: 'x' }))).toBe(false);
  });
});

describe('needOf', () => {
  test('data-consent and data-service', () => {
    expect(needOf(element('IFRAME', { 'data-consent': 'advertising', 'data-service': 'youtube' }), true)).toEqual({
      category: 'advertising',
      service: 'youtube',
    });
    expect(needOf(element('SCRIPT', { 'data-service': 'ga' }), false)).toEqual({ category: undefined, service: 'ga' });
    expect(needOf(element('SCRIPT', { src: 'x.js' }), true)).toBeNull();
  });

  test('vanilla-cookieconsent and klaro markings count on held tags when aliases are on', () => {
    const vcc = element('SCRIPT', { type: 'text/plain', 'data-category': 'analytics', 'data-service': 'ga' });
    const klaro = element('SCRIPT', { type: 'text/plain', 'data-type': 'text/javascript', 'data-name': 'matomo', 'data-src': 'm.js' });
    expect(needOf(vcc, true)).toEqual({ category: 'analytics', service: 'ga' });
    expect(needOf(klaro, true)).toEqual({ category: undefined, service: 'matomo' });
    expect(needOf(klaro, false)).toBeNull();
  });

  test('a klaro name is read in lower case, as consentry migrate turns it into an id', () => {
    const klaro = (name: string) => element('SCRIPT', { type: 'text/plain', 'data-name': name });
    expect(needOf(klaro('googleAnalytics'), true)).toEqual({ category: undefined, service: 'googleanalytics' });
    expect(needOf(klaro('youtube'), true)).toEqual({ category: undefined, service: 'youtube' });
    // data-service, consentry's own marking, is taken as written.
    expect(needOf(element('SCRIPT', { type: 'text/plain', 'data-service': 'GA' }), true)).toEqual({ category: undefined, service: 'GA' });
  });

  test('a data-category name listed in categoryAliases is read as the category it stands for', () => {
    const aliases = { marketing: 'advertising', necessary: 'essential' };
    const vcc = (category: string) => element('SCRIPT', { type: 'text/plain', 'data-category': category });
    expect(needOf(vcc('marketing'), true, aliases)).toEqual({ category: 'advertising', service: undefined });
    expect(needOf(vcc('necessary'), true, aliases)).toEqual({ category: 'essential', service: undefined });
    expect(needOf(vcc('analytics'), true, aliases)).toEqual({ category: 'analytics', service: undefined });
    // Only the config's own keys: an inherited name such as "constructor" stays what it says (no category).
    expect(needOf(vcc('constructor'), true, aliases)).toEqual({ category: 'constructor', service: undefined });
    // consentry's own marking and markup without aliases are never renamed.
    expect(needOf(element('SCRIPT', { type: 'text/plain', 'data-consent': 'marketing' }), true, aliases)).toEqual({
      category: 'marketing',
      service: undefined,
    });
    expect(needOf(vcc('marketing'), false, aliases)).toBeNull();
  });

  test('an unrelated data-name on a working tag never holds it', () => {
    expect(needOf(element('SCRIPT', { 'data-name': 'widget', src: '/app.js' }), true)).toBeNull();
    expect(needOf(element('IMG', { 'data-category': 'news', src: '/a.png' }), true)).toBeNull();
  });
});
