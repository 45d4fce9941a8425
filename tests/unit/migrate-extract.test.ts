import { describe, expect, it } from 'vitest';
import { CODE, extractConfigObject } from '../../src/node/migrate/extract-config';
import { MigrateError } from '../../src/node/migrate/types';

const extract = (text: string, file = 'config.js') => extractConfigObject(text, file);

describe('extractConfigObject reads a config out of JavaScript without running it', () => {
  it('never runs the file: side effects in the config and around it do not happen', () => {
    const marker = '__consentryMigrateRan';
    const { value, notes } = extract(`
      globalThis.${marker} = 'top level';
      CookieConsent.run({
        revision: (globalThis.${marker} = 'in a value', 1),
        get categories() { globalThis.${marker} = 'getter'; return {}; },
        language: (() => { globalThis.${marker} = 'iife'; return {}; })(),
        onConsent: function () { globalThis.${marker} = 'callback'; },
      });
    `);
    expect((globalThis as any)[marker]).toBeUndefined();
    expect(value).toEqual({ onConsent: CODE });
    expect(notes.join('\n')).toMatch(/revision: globalThis\.__consentryMigrateRan = 'in a value', 1 is code/);
    expect(notes.join('\n')).toMatch(/a getter or setter is code/);
    expect(notes.join('\n')).toMatch(/language: .* is code, not a literal/);
  });

  it('converts every literal: strings, templates, numbers, negatives, booleans, null, lists, regular expressions', () => {
    const { value, notes } = extract(`
      CookieConsent.run({
        s: 'a', t: \`b\`, u: \`x\${'y'}z\`, n: 1_000, m: -2, h: 0x10, yes: true, no: false, nil: null, gone: undefined,
        list: [1, , 'two', [3]], re: /^_ga(_\\w+)?$/i, 'quoted-key': 1, 42: 'numeric key', sum: 'a' + 'b',
      });
    `);
    expect(value).toEqual({
      s: 'a',
      t: 'b',
      u: 'xyz',
      n: 1000,
      m: -2,
      h: 16,
      yes: true,
      no: false,
      nil: null,
      list: [1, 'two', [3]],
      re: /^_ga(_\w+)?$/i,
      'quoted-key': 1,
      42: 'numeric key',
      sum: 'ab',
    });
    expect(notes).toEqual([]);
  });

  it('follows constants of the same file, and names what it cannot follow', () => {
    const { value, notes } = extract(`
      const GA = [{ name: /^_ga/ }];
      const config = { categories: { analytics: { autoClear: { cookies: GA } } }, cookie: { domain: location.hostname, name: imported } };
      CookieConsent.run(config);
    `);
    expect(value).toEqual({ categories: { analytics: { autoClear: { cookies: [{ name: /^_ga/ }] } } }, cookie: {} });
    expect(notes).toEqual([
      'cookie.domain: location.hostname is read from the page at run time: left out, give a fixed value',
      'cookie.name: the variable imported is not a literal in this file: left out',
    ]);
  });

  it('finds klaro configs by their variable, window property or module export, and TypeScript configs', () => {
    expect(extract('var klaroConfig = { services: [] };').value).toEqual({ services: [] });
    expect(extract('window.klaroConfig = { services: [{ name: "a" }] };').value).toEqual({ services: [{ name: 'a' }] });
    expect(extract('export default { services: [] };').value).toEqual({ services: [] });
    expect(extract('module.exports = { categories: {} };').value).toEqual({ categories: {} });
    expect(
      extract(
        `import type { CookieConsentConfig } from 'vanilla-cookieconsent';
        export const pluginConfig: CookieConsentConfig = { categories: { analytics: {} } } satisfies CookieConsentConfig;`,
        'config.ts',
      ).value,
    ).toEqual({ categories: { analytics: {} } });
  });

  it('prefers the run(...) call over other objects in the file', () => {
    const { value } = extract(`const otherConfig = { a: 1 }; CookieConsent.run({ categories: {} });`);
    expect(value).toEqual({ categories: {} });
  });

  it('keeps __proto__ and computed keys out, and survives self-reference', () => {
    const { value, notes } = extract(`const a = { x: a }; CookieConsent.run({ __proto__: { polluted: true }, [key]: 1, ...rest, a });`);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as any).polluted).toBeUndefined();
    expect(value).toEqual({ a: {} });
    expect(notes).toEqual([
      '__proto__: left out',
      'config: computed key [key] is code: left out',
      'config: spread ...rest is code: left out',
      'a.x: the variable a is not a literal in this file: left out',
    ]);
  });

  it('reads TypeScript with acorn, not the TypeScript compiler: types, interfaces, enums, casts and generics are passed over', () => {
    const { value, notes } = extract(
      `import type { CookieConsentConfig } from 'vanilla-cookieconsent';
      interface Extra { a?: number }
      enum Mode { A = 1 }
      type Id = string;
      const ids: Id[] = ['x'];
      declare const window: Window & { klaro?: unknown };
      function pick<T>(value: T): T { return value; }
      export default <CookieConsentConfig>{
        revision: 2 as number,
        categories: { analytics: { enabled: true! } },
        language: { default: 'en' } as const,
        mode: Mode.A,
        list: ids,
      };`,
      'cookieconsent-config.mts',
    );
    expect(value).toEqual({ revision: 2, categories: { analytics: { enabled: true } }, language: { default: 'en' }, list: ['x'] });
    expect(notes).toEqual(['mode: Mode.A is read from the page at run time: left out, give a fixed value']);
  });

  it('reads .tsx and .jsx configs, and a classic script that is no module', () => {
    expect(extract('const Banner = () => <div>hi</div>; export default { categories: {} } satisfies object;', 'consent.tsx').value).toEqual(
      { categories: {} },
    );
    expect(extract('const Banner = () => <div>hi</div>; export default { services: [] };', 'consent.jsx').value).toEqual({ services: [] });
    // `with` and legacy octal literals are syntax errors in a module, not in a script.
    expect(extract('with (window) { var klaroConfig = { services: [], n: 010 }; }').value).toEqual({ services: [], n: 8 });
  });

  it('refuses a file it cannot parse with the line and column; a .js with type annotations is read as TypeScript', () => {
    expect(() => extract('CookieConsent.run({ categories: { , } });')).toThrow(
      /^config\.js: cannot read it as JavaScript: Unexpected token \(1:34\)$/,
    );
    expect(extract('const config: Config = { categories: {} };').value).toEqual({ categories: {} });
    expect(() => extract('const config: Config = {', 'c.ts')).toThrow(/c\.ts: cannot read it as TypeScript: Unexpected token \(1:24\)$/);
    expect(extract('const config: Config = { categories: {} };', 'c.ts').value).toEqual({ categories: {} });
  });

  it('leaves out BigInt literals, which JSON cannot hold', () => {
    const { value, notes } = extract('CookieConsent.run({ revision: 1n, categories: {} });');
    expect(value).toEqual({ categories: {} });
    expect(notes).toEqual(['revision: 1n is a BigInt, not a JSON number: left out']);
  });

  it('refuses a file with no config object, saying what it looked for', () => {
    expect(() => extract('console.log("hello")')).toThrow(MigrateError);
    expect(() => extract('console.log("hello")')).toThrow(/expected CookieConsent\.run\(\{\.\.\.\}\), var klaroConfig/);
  });
});
