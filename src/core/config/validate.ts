import type { CheckContext } from './checks';
import { deepFreeze } from './deep-freeze';
import { crossBorderConsent, DEFAULTS, SEPARATE_CONSENT_REGIONS, SERVICE_DEFAULTS } from './defaults';
import { ConfigError } from './errors';
import { MAX_CONFIG_SIZE } from './limits';
import { BUILT_IN_CATEGORIES, configSpec } from './spec';
import type { CategorySettings, ConsentryConfig, Settings } from './types';

export type WarningListener = (message: string) => void;

/**
 * Defaults under validated values, objects merged key by key into fresh objects (so freezing the result
 * never freezes DEFAULTS). Only own properties are read and defined: even a polluted Object.prototype
 * cannot slip an unchecked value into Settings.
 */
function withDefaults(defaults: any, value: any): any {
  if (!defaults || typeof defaults != 'object' || Array.isArray(defaults)) return value === undefined ? defaults : value;
  const out = new Map(Object.entries(defaults).map(([key, fallback]) => [key, withDefaults(fallback, undefined)]));
  for (const [key, given] of Object.entries(value || {})) out.set(key, withDefaults(out.get(key), given));
  return Object.fromEntries(out);
}

/**
 * Turn a site owner's config (parsed JSON, a JS object, or JSON text) into frozen `Settings` with every
 * default applied. Throws one `ConfigError` listing every problem; never throws anything else.
 * Advice that does not make the config invalid (a choice kept longer than 6 months) goes to `onWarning`,
 * by default `console.warn`.
 */
export function validateConfig(input: unknown, onWarning: WarningListener = (message) => console.warn('consentry: ' + message)): Settings {
  const context: CheckContext = {
    _problems: [],
    _size: 0,
    _categories: new Set(),
    _services: new Set(),
    _hidden: new Set(),
    _consents: new Set(),
    _onWarning: onWarning,
  };
  let config: ConsentryConfig | undefined;
  try {
    if (typeof input == 'string') {
      if (input.length > MAX_CONFIG_SIZE) throw context;
      input = JSON.parse(input);
    }
    config = configSpec(input, '', context);
  } catch (error) {
    context._problems.push({
      path: '',
      message:
        error === context
          ? 'is larger than ' + MAX_CONFIG_SIZE / 1024 + ' KB'
          : error instanceof SyntaxError
            ? 'is not valid JSON: ' + error.message
            : 'could not be read',
    });
  }
  if (context._problems.length) throw new ConfigError(context._problems);

  const { $schema, categories = [], services = [], separateConsents = [], ...rest } = config!;
  const byId = new Map<string, object>(BUILT_IN_CATEGORIES.map((id) => [id, { id }]));
  // Re-declaring a built-in keeps its place; custom categories follow in config order. A hidden built-in is
  // gone from Settings: not shown, never granted, as unknown to the runtime as a category never declared.
  for (const { hidden, ...category } of categories) hidden ? byId.delete(category.id) : byId.set(category.id, category);
  const settings = withDefaults(DEFAULTS, rest);
  settings.categories = [...byId.values()].map(
    (category: any): CategorySettings => withDefaults({ title: '', description: '', required: category.id == 'essential' }, category),
  );
  settings.services = services.map((service) => withDefaults(SERVICE_DEFAULTS, service));
  settings.separateConsents = [
    ...(rest.crossBorder ? [crossBorderConsent(rest.crossBorder)] : []),
    ...separateConsents.map((consent) => ({ country: '', regions: SEPARATE_CONSENT_REGIONS, ...consent })),
  ];
  // Asked, recorded, and yet holding nothing back: almost certainly a service that forgot to name it.
  for (const { id } of settings.separateConsents)
    if (!settings.services.some((service: { separateConsents: string[] }) => service.separateConsents.includes(id)))
      onWarning('separate consent "' + id + '": no service names it, so refusing it holds nothing back');
  return deepFreeze(settings);
}
