import type { Settings } from '../../../core/config/types';
import { localize } from '../../../core/texts/localize';
import { UNCLASSIFIED, type Setter } from '../types';
import type { CookieFinding, RequestFinding, ScanReport, StorageFinding } from './scan-report';

/** A report as plain rows of text, so that the Markdown and HTML renderers say exactly the same. */
export interface Table {
  columns: string[];
  /** Column indexes rendered as code (names, keys, hosts). */
  code: number[];
  rows: string[][];
}

export interface CategorySection {
  id: string;
  title: string;
  description: string;
  cookies: Table;
  storage: Table;
  requests: Table;
}

export interface ReportSections {
  title: string;
  facts: string[];
  summary: Table;
  categories: CategorySection[];
  /** Non-essential or unclassified findings that were there before any choice. */
  beforeConsent: Table;
  pages: Table;
}

const BUILT_IN: Record<string, [string, string]> = {
  essential: [
    'Essential',
    'Needed for the site to work (session, security, the consent choice itself). No consent needed; declare them all the same.',
  ],
  analytics: ['Analytics', 'Measure how the site is used. Only with consent.'],
  advertising: ['Advertising', 'Ads, conversion tracking and profiles across sites. Only with consent.'],
  [UNCLASSIFIED]: [
    'Unclassified: decide',
    "Not in the site's config nor in consentry's tables. Decide a category for each and declare it; until then treat it as non-essential.",
  ],
};

const MAX_PAGES_SHOWN = 5;

export function pagePath(url: string, origin: string): string {
  return url.startsWith(origin) ? url.slice(origin.length) || '/' : url;
}

function pagesCell(pages: string[], origin: string): string {
  const paths = pages.map((page) => pagePath(page, origin));
  return paths.length > MAX_PAGES_SHOWN
    ? paths.slice(0, MAX_PAGES_SHOWN).join(', ') + ` +${paths.length - MAX_PAGES_SHOWN} more`
    : paths.join(', ');
}

export function describeSetter(setter: Setter, origin: string): string {
  if (setter.kind == 'header') return 'Set-Cookie from ' + pagePath(setter.url, origin);
  if (setter.kind == 'script') return (setter.inline ? 'inline script on ' : 'script ') + pagePath(setter.url, origin);
  return 'unknown';
}

const SETTERS_SHOWN = 2;
const setBy = (setters: Setter[], origin: string) =>
  setters
    .slice(0, SETTERS_SHOWN)
    .map((setter) => describeSetter(setter, origin))
    .join('; ') + (setters.length > SETTERS_SHOWN ? ` +${setters.length - SETTERS_SHOWN} more` : '');

function cookieRows(cookies: CookieFinding[], origin: string): string[][] {
  return cookies.map((cookie) => [
    cookie.name + (cookie.classification.pattern?.prefix ? ' (' + cookie.classification.pattern.name + '*)' : ''),
    cookie.classification.provider || cookie.domain,
    cookie.classification.purpose,
    cookie.duration,
    cookie.party == 'first' ? 'first-party' : 'third-party',
    cookie.domain,
    [cookie.httpOnly && 'HttpOnly', cookie.secure && 'Secure', cookie.sameSite && 'SameSite=' + cookie.sameSite].filter(Boolean).join(' '),
    setBy(cookie.setBy, origin),
    pagesCell(cookie.pages, origin),
  ]);
}

function storageRows(items: StorageFinding[], origin: string): string[][] {
  return items.map((item) => [
    item.key,
    { local: 'localStorage', session: 'sessionStorage', indexeddb: 'IndexedDB' }[item.type],
    item.classification.provider || item.origin,
    item.classification.purpose,
    item.party == 'first' ? 'first-party' : 'third-party (' + item.origin + ')',
    setBy(item.setBy, origin),
    pagesCell(item.pages, origin),
  ]);
}

function requestRows(requests: RequestFinding[], origin: string): string[][] {
  return requests.map((request) => [
    request.host,
    request.classification.provider,
    request.classification.purpose,
    request.resourceTypes.join(', '),
    String(request.count),
    request.initiators
      .slice(0, 3)
      .map((chain) => chain.map((url) => pagePath(url, origin)).join(' ← '))
      .join('; '),
    pagesCell(request.pages, origin),
  ]);
}

const table = (columns: string[], code: number[], rows: string[][]): Table => ({ columns, code, rows });

export function buildSections(report: ScanReport, settings: Settings | null): ReportSections {
  const origin = report.origin;
  const ids = new Set<string>(['essential', 'analytics', 'advertising']);
  for (const category of settings?.categories || []) ids.add(category.id);
  for (const finding of [...report.cookies, ...report.storage, ...report.requests]) ids.add(finding.classification.category);
  ids.delete(UNCLASSIFIED);
  ids.add(UNCLASSIFIED);

  const in_ = <T extends { classification: { category: string } }>(list: T[], id: string) =>
    list.filter((item) => item.classification.category == id);
  const categories = [...ids].map((id): CategorySection => {
    const declared = settings?.categories.find((category) => category.id == id);
    return {
      id,
      title: localize(declared?.title, 'en') || BUILT_IN[id]?.[0] || id,
      description: localize(declared?.description, 'en') || BUILT_IN[id]?.[1] || '',
      cookies: table(
        ['Name', 'Provider', 'Purpose', 'Duration', 'Party', 'Domain', 'Attributes', 'Set by', 'Pages'],
        [0, 5],
        cookieRows(in_(report.cookies, id), origin),
      ),
      storage: table(['Key', 'Type', 'Provider', 'Purpose', 'Party', 'Set by', 'Pages'], [0], storageRows(in_(report.storage, id), origin)),
      requests: table(
        ['Host', 'Provider', 'Purpose', 'Types', 'Requests', 'Initiated by', 'Pages'],
        [0],
        requestRows(
          in_(report.requests, id).filter((request) => request.party == 'third' || id != UNCLASSIFIED),
          origin,
        ),
      ),
    };
  });

  const early = (pages: string[], category: string) => pages.length > 0 && category != 'essential';
  const beforeConsent = table(
    ['Kind', 'Name', 'Category', 'Provider', 'Pages'],
    [1],
    [
      ...report.cookies
        .filter((c) => early(c.pagesBeforeConsent, c.classification.category))
        .map((c) => ['cookie', c.name, c.classification.category, c.classification.provider, pagesCell(c.pagesBeforeConsent, origin)]),
      ...report.storage
        .filter((s) => early(s.pagesBeforeConsent, s.classification.category))
        .map((s) => ['storage', s.key, s.classification.category, s.classification.provider, pagesCell(s.pagesBeforeConsent, origin)]),
      ...report.requests
        .filter((r) => early(r.pagesBeforeConsent, r.classification.category) && r.party == 'third')
        .map((r) => ['request', r.host, r.classification.category, r.classification.provider, pagesCell(r.pagesBeforeConsent, origin)]),
    ],
  );

  return {
    title: 'Cookie scan of ' + report.startUrl,
    facts: [
      'Scanned: ' + report.scannedAt,
      'Pages: ' +
        report.pages.length +
        (report.pages.some((page) => page.error) ? ` (${report.pages.filter((page) => page.error).length} with problems, see below)` : ''),
      'consentry on the site: ' + (report.consentry ? 'yes (its config took part in the sorting)' : 'no'),
      'Took: ' + (report.durationMs / 1000).toFixed(1) + ' s',
      'Tool: consentry ' + report.tool.version,
    ],
    summary: table(
      ['Category', 'Cookies', 'Storage keys', 'Third-party hosts'],
      [],
      categories.map((category) => [
        category.title,
        String(category.cookies.rows.length),
        String(category.storage.rows.length),
        String(category.requests.rows.length),
      ]),
    ),
    categories,
    beforeConsent,
    pages: table(
      ['Page', 'Status', 'consentry', 'Choice made by', 'Problem'],
      [0],
      report.pages.map((page) => [
        pagePath(page.url, origin),
        page.status == null ? '—' : String(page.status),
        page.consentry ? 'yes' : 'no',
        page.consentBy,
        page.error || '',
      ]),
    ),
  };
}
