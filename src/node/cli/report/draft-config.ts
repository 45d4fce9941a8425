import { BUILT_IN_CATEGORIES } from '../../../core/config/spec';
import type { ConsentryConfig, CookieDeclaration, ServiceConfig, Settings, StorageDeclaration } from '../../../core/config/types';
import { HOST, ID, TOKEN, URL_LIKE } from '../../../core/config/patterns';
import { MAX_ID, MAX_ITEMS, MAX_TEXT } from '../../../core/config/limits';
import { validateConfig } from '../../../core/config/validate';
import { localize } from '../../../core/texts/localize';
import { UNCLASSIFIED, type Classification } from '../types';
import type { ScanReport } from './scan-report';

export const SCHEMA_PATH = './node_modules/consentry/dist/consentry.schema.json';

const clip = (text: string) => (text.length > MAX_TEXT ? text.slice(0, MAX_TEXT - 1) + '…' : text);

function slug(text: string): string {
  const base = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID)
    .replace(/-+$/, '');
  return ID.test(base) ? base : 'service';
}

interface Draft {
  service: ServiceConfig;
  cookies: Map<string, CookieDeclaration>;
  storage: Map<string, StorageDeclaration>;
  hosts: Set<string>;
  origins: Set<string>;
}

/**
 * A consentry config for the owner to review: one service per provider and category, holding the
 * cookies, storage keys and hosts the scan saw, with their purposes and observed durations. Services
 * the site's config already declares keep their ids and texts. Unclassified findings are left out
 * (the report lists them): only the owner can say what they are. Third-party hosts the vendor catalogue
 * files as essential (payments, CAPTCHAs, bot protection) become essential services' hosts: the allowlist
 * of `blocking.thirdParty: "hold"`, which the draft keeps when the site's config has it. The result passes
 * `validateConfig`.
 */
export function draftConfig(report: ScanReport, settings: Settings | null): ConsentryConfig {
  const siteHost = new URL(report.origin).hostname;
  const categoryIds = new Set<string>(BUILT_IN_CATEGORIES);
  const customCategories = new Map<string, { id: string; title?: string; description?: string }>();
  const drafts = new Map<string, Draft>();
  const usedIds = new Set<string>();

  const draftFor = (classification: Classification): Draft | null => {
    const { category, source } = classification;
    if (category == UNCLASSIFIED || source == 'sdk' || !ID.test(category)) return null;
    if (!categoryIds.has(category)) {
      const declared = settings?.categories.find((candidate) => candidate.id == category);
      const title = localize(declared?.title, 'en');
      const description = localize(declared?.description, 'en');
      customCategories.set(category, {
        id: category,
        ...(title ? { title: clip(title) } : {}),
        ...(description ? { description: clip(description) } : {}),
      });
    }
    const declared = classification.service ? settings?.services.find((service) => service.id == classification.service) : undefined;
    // A catalogue vendor is one service, whichever table row (cookie, host) named it and however.
    const key = declared
      ? 'service ' + declared.id
      : category + ' ' + (classification.vendor ? 'vendor ' + classification.vendor : classification.provider || 'unknown');
    let draft = drafts.get(key);
    if (!draft) {
      let id = declared?.id || classification.vendor || slug(classification.provider || category + '-service');
      if (usedIds.has(id) || categoryIds.has(id) || customCategories.has(id))
        id = slug(id.slice(0, MAX_ID - category.length - 1) + '-' + category);
      for (let n = 2; usedIds.has(id) || categoryIds.has(id) || customCategories.has(id); n++)
        id = slug(id.replace(/-\d+$/, '').slice(0, MAX_ID - 4) + '-' + n);
      usedIds.add(id);
      const provider = declared?.provider || classification.provider;
      const purpose = localize(declared?.purpose, 'en') || classification.purpose;
      const privacy = declared?.privacyPolicyUrl || classification.privacyUrl || '';
      draft = {
        service: {
          id,
          category: declared?.category || category,
          ...(declared?.name || provider ? { name: clip(declared?.name || provider) } : {}),
          ...(provider ? { provider: clip(provider) } : {}),
          ...(purpose ? { purpose: clip(purpose) } : {}),
          ...(privacy && /^https?:\/\//.test(privacy) && URL_LIKE.test(privacy) ? { privacyPolicyUrl: privacy } : {}),
        },
        cookies: new Map(),
        storage: new Map(),
        hosts: new Set(),
        origins: new Set(),
      };
      drafts.set(key, draft);
    }
    return draft;
  };

  for (const cookie of report.cookies) {
    const draft = draftFor(cookie.classification);
    const pattern = cookie.classification.pattern || { name: cookie.name, prefix: false };
    if (!draft || !TOKEN.test(pattern.name)) continue;
    const domain = cookie.party == 'third' && cookie.domain != siteHost && HOST.test(cookie.domain) ? cookie.domain : '';
    const id = [pattern.name, pattern.prefix, domain].join(' ');
    if (draft.cookies.has(id) || draft.cookies.size >= MAX_ITEMS) continue;
    draft.cookies.set(id, {
      name: pattern.name,
      ...(pattern.prefix ? { prefix: true } : {}),
      ...(domain ? { domain } : {}),
      duration: cookie.duration,
      ...(cookie.classification.purpose ? { purpose: clip(cookie.classification.purpose) } : {}),
    });
  }
  for (const item of report.storage) {
    const draft = draftFor(item.classification);
    const pattern = item.classification.pattern || { name: item.key, prefix: false };
    if (!draft || item.type == 'indexeddb' || !TOKEN.test(pattern.name) || item.party == 'third') continue;
    const id = [pattern.name, pattern.prefix, item.type].join(' ');
    if (draft.storage.has(id) || draft.storage.size >= MAX_ITEMS) continue;
    draft.storage.set(id, {
      key: pattern.name,
      ...(pattern.prefix ? { prefix: true } : {}),
      type: item.type,
      ...(item.classification.purpose ? { purpose: clip(item.classification.purpose) } : {}),
    });
  }
  for (const request of report.requests) {
    if (request.party != 'third') continue;
    const draft = draftFor(request.classification);
    if (!draft) continue;
    const url = new URL(request.origin);
    // A host is matched without its port: on a shared host (127.0.0.1:4001) only a URL prefix tells parties apart.
    if (url.port || url.hostname == siteHost || !HOST.test(url.hostname)) draft.origins.add(url.origin + '/');
    else if (draft.hosts.size < MAX_ITEMS) draft.hosts.add(url.hostname);
  }

  const services: ServiceConfig[] = [];
  const rules: Array<{ match: string; service: string }> = [];
  for (const draft of drafts.values()) {
    const { service } = draft;
    if (draft.cookies.size) service.cookies = [...draft.cookies.values()];
    if (draft.storage.size) service.storage = [...draft.storage.values()];
    if (draft.hosts.size) service.hosts = [...draft.hosts];
    for (const origin of draft.origins) rules.push({ match: origin, service: service.id });
    services.push(service);
  }

  const config: ConsentryConfig = {
    $schema: SCHEMA_PATH,
    ...(customCategories.size ? { categories: [...customCategories.values()] } : {}),
    services,
  };
  // Strict mode stays on in the draft: its allowlist is the essential services above (the catalogue's
  // payment, CAPTCHA and bot-protection hosts, and what the config declares essential).
  const strict = settings?.blocking.thirdParty == 'hold';
  const unknownCategory = settings?.blocking.unknownCategory;
  if (rules.length || strict)
    config.blocking = {
      ...(rules.length ? { rules: rules.slice(0, MAX_ITEMS) } : {}),
      ...(strict
        ? { thirdParty: 'hold' as const, ...(unknownCategory && unknownCategory != 'advertising' ? { unknownCategory } : {}) }
        : {}),
    };
  if (settings?.cookie.name && settings.cookie.name != 'consentry') config.cookie = { name: settings.cookie.name };
  // A draft that the SDK would refuse is a bug here, not the owner's problem: fail loudly.
  validateConfig(config);
  return config;
}
