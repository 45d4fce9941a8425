import type { CategoryConfig, ConsentryConfig, CookieDeclaration, ServiceConfig } from '../../core/config/types';
import { BUILT_IN_CATEGORIES } from '../../core/config/spec';
import { localized } from './localized';

interface CategoryDraft {
  id: string;
  title: Map<string, string>;
  description: Map<string, string>;
}

interface ServiceDraft {
  id: string;
  category: string;
  name: string;
  purpose: Map<string, string>;
  cookies: CookieDeclaration[];
  /** Where in the old config it came from, for notes. */
  from: string;
  /** The name the old tool's markup (data-service / data-name) uses. */
  markupName: string;
}

/**
 * The consentry config being assembled from an old one: categories and services by id (texts per
 * language until the end), the notes, and the rest of the config as plain fields.
 */
export function createDraft() {
  const notes: string[] = [];
  const categories = new Map<string, CategoryDraft>();
  const services: ServiceDraft[] = [];
  const texts = new Map<string, { [key: string]: string }>();
  const rest: ConsentryConfig = {};

  const category = (id: string): CategoryDraft => {
    let draft = categories.get(id);
    if (!draft) categories.set(id, (draft = { id, title: new Map(), description: new Map() }));
    return draft;
  };

  return {
    notes,
    rest,
    note: (path: string, message: string) => void notes.push(path ? `${path}: ${message}` : message),
    category,
    hasCategory: (id: string) => categories.has(id),
    /** A service with an id no other service has (a suffix is added, and noted, when it is taken). */
    service(wanted: string, categoryId: string, from: string, markupName: string): ServiceDraft {
      let id = wanted;
      for (let n = 2; services.some((service) => service.id == id); n++) id = `${wanted.slice(0, 36)}-${n}`;
      if (id != wanted) notes.push(`${from}: service id "${wanted}" is taken, so this one is "${id}"`);
      category(categoryId);
      const draft: ServiceDraft = { id, category: categoryId, name: '', purpose: new Map(), cookies: [], from, markupName };
      services.push(draft);
      return draft;
    },
    services,
    /** Sets a text key for a language; a different value already set for it wins, and is noted. */
    text(lang: string, key: string, value: string, from: string) {
      if (!value) return;
      const pack = texts.get(lang) ?? {};
      texts.set(lang, pack);
      if (pack[key] && pack[key] != value)
        notes.push(`${from}: "${value}" not used for ${key} (${lang}): "${pack[key]}" was already taken`);
      else pack[key] = value;
    },
    build(): ConsentryConfig {
      const categoryIds = new Set([...BUILT_IN_CATEGORIES, ...categories.keys()]);
      const taken = new Set(categoryIds);
      const outServices: ServiceConfig[] = services.map((draft) => {
        let id = draft.id;
        // A service may not take a category's id (`isGranted(id)` accepts either), nor another service's.
        if (taken.has(id)) {
          const base = categoryIds.has(id) ? `${id.slice(0, 32)}-service` : id.slice(0, 36);
          id = base;
          for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 36)}-${n}`;
          notes.push(
            `${draft.from}: service "${draft.id}" ${categoryIds.has(draft.id) ? "has a category's id" : 'is taken'}, so it is "${id}"`,
          );
        }
        taken.add(id);
        const service: ServiceConfig = { id, category: draft.category };
        if (draft.name) service.name = draft.name;
        const purpose = localized(draft.purpose);
        if (purpose) service.purpose = purpose;
        if (draft.cookies.length) service.cookies = draft.cookies;
        return service;
      });
      const outCategories: CategoryConfig[] = [...categories.values()]
        .map((draft) => {
          const out: CategoryConfig = { id: draft.id };
          const title = localized(draft.title);
          const description = localized(draft.description);
          if (title) out.title = title;
          if (description) out.description = description;
          return out;
        })
        // A built-in category is only worth declaring to change its texts.
        .filter((out) => !BUILT_IN_CATEGORIES.includes(out.id) || out.title || out.description);
      const config: ConsentryConfig = { $schema: 'https://unpkg.com/consentry/dist/consentry.schema.json' };
      if (rest.revision !== undefined) config.revision = rest.revision;
      if (rest.language !== undefined) config.language = rest.language;
      if (outCategories.length) config.categories = outCategories;
      if (outServices.length) config.services = outServices;
      const { revision, language, ...others } = rest;
      Object.assign(config, others);
      if (texts.size) config.texts = Object.fromEntries(texts);
      return config;
    },
  };
}

export type Draft = ReturnType<typeof createDraft>;
