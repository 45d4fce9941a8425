import { FETCH_ATTRIBUTES, FETCHING_LINK_RELS, HELD_PREFIX, RUNNABLE_SCRIPT_TYPES, SRCSET_ATTRIBUTES } from './gated-form';
import { isGranted, type Grants } from './grants';
import { srcsetUrls } from './srcset-urls';

/** What the tables and site rules say about one URL (the runtime auto-blocker's `urlCategory`). */
export interface Classification {
  category: string;
  service?: string;
}

/** Classifies an attribute value as written in the page (relative URLs resolved by the classifier). */
export type Classify = (url: string) => Classification | null;

/** Read access to one start tag, whatever the parser: parse5 tokens here, lol-html elements at the edge. */
export interface TagView {
  /** Lower-case. */
  name: string;
  get(attribute: string): string | null;
}

/** How to turn a tag into its held form: attributes moved to `data-*`, then attributes set. */
export interface GateEdit {
  category: string;
  service?: string;
  /** The URL that decided it (for logs and counts). */
  url: string;
  moves: Array<[from: string, to: string]>;
  sets: Array<[name: string, value: string]>;
}

export interface PlanContext {
  classify: Classify;
  grants: Grants;
}

const ASCII_WHITESPACE = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

/** The type string HTML uses to decide whether a script runs: `type`, else legacy `language`. */
function scriptType(tag: TagView): string {
  const type = tag.get('type');
  const language = tag.get('language');
  const raw = type != null ? type : language ? 'text/' + language : '';
  return raw.replace(ASCII_WHITESPACE, '').toLowerCase().split(';')[0].trim();
}

/** Whether this tag, as written, makes the browser fetch something — the only tags worth holding. */
function fetches(tag: TagView): boolean {
  if (tag.name === 'script') return RUNNABLE_SCRIPT_TYPES.has(scriptType(tag));
  if (tag.name === 'link') {
    const rels = (tag.get('rel') || '').toLowerCase().split(/[\t\n\f\r ]+/);
    return rels.some((rel) => FETCHING_LINK_RELS.has(rel));
  }
  return true;
}

function urlsOf(attribute: string, value: string): string[] {
  return SRCSET_ATTRIBUTES.has(attribute) ? srcsetUrls(value) : [value];
}

/**
 * The held form of a tag whose URL belongs to a category the visitor has not granted, or null to leave it
 * exactly as written. Tags the site owner marked (`data-consent`, `data-service`, a `text/plain` script)
 * are the gate's business and never touched; so are tags with nothing to fetch.
 */
export function planGate(tag: TagView, context: PlanContext): GateEdit | null {
  const attributes = FETCH_ATTRIBUTES[tag.name];
  if (!attributes || tag.get('data-consent') != null || tag.get('data-service') != null || !fetches(tag)) return null;
  let decided: (Classification & { url: string }) | null = null;
  for (const attribute of attributes) {
    const value = tag.get(attribute);
    if (value == null) continue;
    for (const url of urlsOf(attribute, value)) {
      const found = context.classify(url);
      if (found && !isGranted(context.grants, found.category, found.service)) {
        decided = { ...found, url };
        break;
      }
    }
    if (decided) break;
  }
  if (!decided) return null;
  const moves: GateEdit['moves'] = [];
  for (const attribute of attributes) {
    if (tag.get(attribute) != null) moves.push([attribute, HELD_PREFIX + attribute]);
  }
  const sets: GateEdit['sets'] = [];
  if (tag.name === 'script') {
    // As the auto-blocker marks it: the gate restores `data-type` or else a classic script.
    if (scriptType(tag) === 'module') sets.push(['data-type', 'module']);
    sets.push(['type', 'text/plain']);
  }
  sets.push(['data-consent', decided.category]);
  if (decided.service) sets.push(['data-service', decided.service]);
  return { category: decided.category, service: decided.service, url: decided.url, moves, sets };
}
