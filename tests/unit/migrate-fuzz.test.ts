import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { migrateConfig } from '../../src/node/migrate/migrate-config';
import { MigrateError } from '../../src/node/migrate/types';

// Whatever an old config holds (odd names, HTML, unicode, wrong types), the result validates, or the
// input is refused with a MigrateError; never an invalid config, never another exception.

const anyText = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '<b>x</b>', '&amp;', 'Ünïcødé 統計', '_ga', '^_ga', '.example.com', 'a;b', '__proto__', 'constructor'),
);
const anyValue = fc.oneof(
  anyText,
  fc.integer({ min: -5, max: 5000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(() => {}),
  fc.constant(/^_x/),
);
const cookiePattern = fc.oneof(anyText, fc.constantFrom(/^_ga/, /^(_ga|_gid)$/, /^_pk_.*$/, /x+/i, /^a\.b$/));
const texts = fc.dictionary(
  fc.constantFrom('title', 'description', 'acceptAllBtn', 'acceptNecessaryBtn', 'showPreferencesBtn', 'footer', 'closeIconLabel'),
  anyValue,
);

const vanilla = fc.record(
  {
    revision: anyValue,
    mode: fc.constantFrom('opt-in', 'opt-out', 'x'),
    cookie: fc.record(
      { name: anyValue, domain: anyValue, path: anyValue, sameSite: anyValue, expiresAfterDays: anyValue },
      { requiredKeys: [] },
    ),
    guiOptions: fc.record({ consentModal: fc.record({ layout: anyText, position: anyText }, { requiredKeys: [] }) }, { requiredKeys: [] }),
    categories: fc.dictionary(
      anyText,
      fc.record(
        {
          readOnly: fc.boolean(),
          enabled: anyValue,
          services: fc.dictionary(
            anyText,
            fc.record({ label: anyValue, cookies: fc.array(fc.record({ name: cookiePattern, domain: anyValue })) }, { requiredKeys: [] }),
          ),
          autoClear: fc.record(
            { cookies: fc.array(fc.record({ name: cookiePattern, domain: anyValue })), reloadPage: fc.boolean() },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    language: fc.record(
      {
        default: anyText,
        autoDetect: fc.constantFrom('browser', undefined),
        translations: fc.dictionary(
          fc.oneof(anyText, fc.constantFrom('en', 'de', 'zh-CN', 'pt_BR')),
          fc.oneof(
            anyValue,
            fc.record(
              {
                consentModal: texts,
                preferencesModal: fc.record(
                  {
                    title: anyValue,
                    sections: fc.array(
                      fc.record(
                        {
                          title: anyValue,
                          description: anyValue,
                          linkedCategory: anyText,
                          cookieTable: fc.record({
                            headers: fc.dictionary(anyText, anyText),
                            body: fc.array(fc.dictionary(anyText, anyValue)),
                          }),
                        },
                        { requiredKeys: [] },
                      ),
                    ),
                  },
                  { requiredKeys: [] },
                ),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['categories'] },
);

const klaro = fc.record(
  {
    lang: anyText,
    cookieName: anyValue,
    cookieExpiresAfterDays: anyValue,
    cookieDomain: anyValue,
    styling: fc.record({ theme: fc.array(fc.constantFrom('light', 'dark', 'top', 'wide', 'left')) }),
    translations: fc.dictionary(
      fc.oneof(anyText, fc.constantFrom('zz', 'en', 'de')),
      fc.record(
        {
          privacyPolicyUrl: anyValue,
          consentNotice: fc.record({ description: anyValue, title: anyValue }, { requiredKeys: [] }),
          purposes: fc.dictionary(anyText, fc.oneof(anyText, fc.record({ title: anyValue, description: anyValue }))),
          ok: anyValue,
        },
        { requiredKeys: [] },
      ),
    ),
    services: fc.array(
      fc.record(
        {
          name: anyValue,
          title: anyValue,
          purposes: fc.array(anyText),
          required: fc.boolean(),
          cookies: fc.array(fc.oneof(cookiePattern, fc.tuple(cookiePattern, anyText, anyValue))),
          translations: fc.dictionary(anyText, fc.record({ title: anyValue, description: anyValue }, { requiredKeys: [] })),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 12 },
    ),
  },
  { requiredKeys: ['services'] },
);

function converts(input: unknown, from: 'vanilla-cookieconsent' | 'klaro') {
  try {
    const { config, notes } = migrateConfig(input, from);
    validateConfig(config, () => {});
    expect(notes.every((note) => typeof note == 'string' && note.length > 0)).toBe(true);
  } catch (error) {
    if (!(error instanceof MigrateError)) throw error;
  }
}

// FUZZ_RUNS=5000 for a longer hunt.
const RUNS = Number(process.env.FUZZ_RUNS) || 150;

describe('migrateConfig on arbitrary old configs', { timeout: 120_000 }, () => {
  it('vanilla-cookieconsent: always a valid config', () => {
    fc.assert(
      fc.property(vanilla, (input) => converts(input, 'vanilla-cookieconsent')),
      { numRuns: RUNS },
    );
  });

  it('klaro: always a valid config', () => {
    fc.assert(
      fc.property(klaro, (input) => converts(input, 'klaro')),
      { numRuns: RUNS },
    );
  });
});
