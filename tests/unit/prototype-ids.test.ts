// @vitest-environment happy-dom
/**
 * Issue 24 #8: ids from markup, the API and cookies meet maps of grants; a name that an object reaches
 * through its prototype ("constructor", "toString", "__proto__") must be no id at all, never a grant.
 */
import { describe, expect, it } from 'vitest';
import { isGranted } from '../../src/core/policy/grant';
import { needOf } from '../../src/loader/effects/marking';
import type { Settings } from '../../src/core/config/types';
import type { ConfigError } from '../../src/core/config/errors';
import { validateConfig } from '../../src/core/config/validate';
import { decide } from '../../src/core/policy/decide';
import type { ConsentRecord, ConsentState } from '../../src/core/policy/types';
import { choiceParts } from '../../src/parts/choice-parts';
import { inertConsent } from '../../src/npm/inert-consent';
import { createRuntime } from '../../src/loader/runtime';
import { makeSettings } from './fixtures/settings';

const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

const pending = (settings: Settings): ConsentState => decide(settings, { record: null, now: 0, region: null, gpc: false, dnt: false });

function element(tagName: string, attributes: { [name: string]: string }): Element {
  return {
    tagName,
    getAttribute: (name: string) => attributes[name] ?? null,
    hasAttribute: (name: string) => Object.hasOwn(attributes, name),
  } as unknown as Element;
}

const problemsOf = (config: unknown) => {
  try {
    validateConfig(config, () => {});
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('the gate (blocking/grant.ts) grants no prototype name', () => {
  const settings = makeSettings();
  it.each(PROTOTYPE_NAMES)('data-consent / data-service = %s stays held, before and after a config', (name) => {
    for (const [state, known] of [
      [pending(settings), settings],
      [pending(settings), null],
    ] as const) {
      expect(isGranted({ category: name }, state, known)).toBe(false);
      expect(isGranted({ service: name }, state, known)).toBe(false);
      expect(isGranted({ category: 'essential', service: name }, state, known)).toBe(false);
    }
  });

  it('klaro data-name="Constructor" is read as the service "constructor", which is held', () => {
    const need = needOf(element('SCRIPT', { type: 'text/plain', 'data-name': 'Constructor', src: 'x.js' }), true);
    expect(need).toEqual({ category: undefined, service: 'constructor' });
    expect(isGranted(need!, pending(settings), settings)).toBe(false);
  });
});

describe('Consentry.isGranted', () => {
  it.each(PROTOTYPE_NAMES)('is false for %s, before and after configuring', (name) => {
    const runtime = createRuntime({
      loadUi: async () => ({ show() {}, hide() {}, unmount() {} }),
      loadLanguage: async () => null,
      parts: () => choiceParts,
    });
    expect(runtime.api.isGranted(name)).toBe(false);
    runtime.configure(makeSettings({ regions: { default: 'notice-only', rules: [], source: '' } }));
    expect(runtime.api.isGranted('analytics')).toBe(true);
    expect(runtime.api.isGranted(name)).toBe(false);
    runtime.api.destroy();
  });

  it.each(PROTOTYPE_NAMES)('is false for %s on the server (inert consent)', (name) => {
    expect(inertConsent(makeSettings()).isGranted(name)).toBe(false);
    expect(inertConsent(makeSettings()).isGranted('essential')).toBe(true);
  });
});

describe('decide() reads only own choices of a record', () => {
  it('a category the record does not hold takes the default, not an Object.prototype member', () => {
    // Settings the validator would refuse (it refuses the id), as a second line of defence.
    const settings = makeSettings({
      categories: [
        { id: 'essential', title: '', description: '', required: true },
        { id: 'constructor', title: '', description: '', required: false },
      ],
      services: [{ id: 'tostring', category: 'constructor' } as Settings['services'][number]],
    });
    const record: ConsentRecord = { id: 'x', time: 0, revision: 0, categories: {}, services: {}, method: 'custom', expires: 1e15 };
    const state = decide(settings, { record, now: 1, region: null, gpc: false, dnt: false });
    expect(state.categories.constructor).toBe(false);
    expect(state.services.tostring).toBe(false);
  });
});

describe('the validator refuses ids and alias keys that name prototype members', () => {
  it('a category or service id "constructor" or "prototype"', () => {
    expect(problemsOf({ categories: [{ id: 'constructor' }] }).map((p) => p.path)).toEqual(['categories[0].id']);
    expect(problemsOf({ services: [{ id: 'prototype', category: 'analytics' }] }).map((p) => p.path)).toEqual(['services[0].id']);
    expect(problemsOf({ categories: [{ id: 'constructors' }] })).toEqual([]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a blocking.categoryAliases key %s', (name) => {
    const aliases = JSON.parse(`{"${name}": "analytics"}`);
    const problems = problemsOf({ blocking: { categoryAliases: aliases } });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/nor be __proto__, constructor or prototype/);
  });
});
