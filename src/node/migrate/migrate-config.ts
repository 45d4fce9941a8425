import { ConfigError } from '../../core/config/errors';
import { validateConfig } from '../../core/config/validate';
import { fromKlaro } from './from-klaro';
import { fromVanilla } from './from-vanilla';
import { noteCatalogueCategories, noteCatalogueVendors } from './known-cookies';
import { asObject, at } from './read-loose';
import { MIGRATE_SOURCES, MigrateError, type MigrateResult, type MigrateSource } from './types';

/**
 * Convert a vanilla-cookieconsent v3 or klaro config (a plain object, as `extractConfigObject` reads one
 * from a JS file) into a consentry config that passes `validateConfig`. Pure: reads nothing, runs nothing.
 * `notes` lists what could not be carried over or was changed, each with where it was in the old config.
 * Throws a `MigrateError` when the input is not a config of that tool at all.
 */
export function migrateConfig(input: unknown, from: MigrateSource): MigrateResult {
  const object = asObject(input);
  if (!object) throw new MigrateError('the config must be an object');
  if (!MIGRATE_SOURCES.includes(from)) throw new MigrateError(`unknown source "${from}": use ${MIGRATE_SOURCES.join(' or ')}`);
  const result = from == 'klaro' ? fromKlaro(object) : fromVanilla(object);
  noteOtherFunctions(object, result.notes);
  noteCatalogueCategories(result.config, result.notes);
  noteCatalogueVendors(result.config, result.notes);
  try {
    validateConfig(result.config, (warning) => result.notes.push('consentry config ' + warning));
  } catch (error) {
    // Every converter checks what it writes; a config that still fails is a bug here, not in the input.
    if (error instanceof ConfigError) throw new Error('consentry migrate produced an invalid config (please report): ' + error.message);
    throw error;
  }
  return result;
}

/** The paths a note is about: `a.b`, `a, b` (several), `a.b/c` (a.b and a.c). */
function notedPaths(notes: string[]): Set<string> {
  const paths = new Set<string>();
  for (const note of notes) {
    const subject = note.slice(0, note.indexOf(': '));
    for (const part of subject.split(', ')) {
      const [first, ...others] = part.split('/');
      paths.add(first);
      const base = first.slice(0, first.lastIndexOf('.') + 1);
      for (const other of others) paths.add(base + other);
    }
  }
  return paths;
}

/** Code anywhere in the old config that no converter spoke of is still named, so nothing goes silently. */
function noteOtherFunctions(input: unknown, notes: string[]) {
  const noted = notedPaths(notes);
  const walk = (value: unknown, path: string, depth: number) => {
    if (typeof value == 'function') {
      if (![...noted].some((p) => path == p || path.startsWith(p + '.') || path.startsWith(p + '[')))
        notes.push(`${path}: a function: code is not carried over`);
    } else if (value && typeof value == 'object' && depth < 40) {
      for (const [key, child] of Object.entries(value))
        walk(child, Array.isArray(value) ? at(path, Number(key)) : at(path, key), depth + 1);
    }
  };
  walk(input, '', 0);
}
