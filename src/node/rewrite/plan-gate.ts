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
  /**
   * The parser puts the element in SVG or MathML, where it fetches nothing; Chromium's preload scanner
   * still requests its URL (`<svg><link rel=stylesheet>`, `<math><video poster>`, …), so it is held too.
   */
  foreign?: boolean;
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
  /** Attributes removed outright, when no held form can be trusted (a repeated `<body>`: document-gate.ts). */
  drops?: string[];
}

export interface PlanContext {
  classify: Classify;
  grants: Grants;
  /** The category of a declared service (a tag marked with `data-service` alone waits for it). */
  serviceCategory(service: string): string | undefined;
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
  if (tag.name === 'input') return (tag.get('type') || '').replace(ASCII_WHITESPACE, '').toLowerCase() === 'image';
  return true;
}

function urlsOf(attribute: string, value: string): string[] {
  return SRCSET_ATTRIBUTES.has(attribute) ? srcsetUrls(value) : [value];
}

/** Moves each fetching attribute the tag has to `data-<name>`. */
function movesOf(tag: TagView, attributes: readonly string[], keepPlaceholders: boolean): GateEdit['moves'] {
  const moves: GateEdit['moves'] = [];
  for (const attribute of attributes) {
    if (tag.get(attribute) == null) continue;
    // An owner's `src` next to its own `data-src` is a placeholder shown until consent: the gate swaps them.
    if (keepPlaceholders && tag.get(HELD_PREFIX + attribute) != null) continue;
    moves.push([attribute, HELD_PREFIX + attribute]);
  }
  return moves;
}

/** What makes a script held: `type="text/plain"`, its real type kept in `data-type` (the gate restores it). */
function heldScriptType(tag: TagView): GateEdit['sets'] {
  return scriptType(tag) === 'module'
    ? [
        ['data-type', 'module'],
        ['type', 'text/plain'],
      ]
    : [['type', 'text/plain']];
}

/**
 * A tag the owner marked (`data-consent`, `data-service`) but wrote in a form that loads at once — a
 * `<script data-consent src>` without `type="text/plain"`, an `<img data-consent src>`: the marking says it
 * waits for consent, so unless that is granted it is put in the held form, whatever its URL. Its own
 * marking is kept. (The alias markings, `data-category`/`data-name`, count only on held tags, as at run time.)
 */
function planMarked(tag: TagView, attributes: readonly string[], context: PlanContext): GateEdit | null {
  const category = tag.get('data-consent') || undefined;
  const service = tag.get('data-service') || undefined;
  const waitsFor = category || (service && context.serviceCategory(service)) || '';
  if (isGranted(context.grants, waitsFor, service)) return null;
  const moves = movesOf(tag, attributes, true);
  const sets = tag.name === 'script' && !tag.foreign ? heldScriptType(tag) : [];
  if (!moves.length && !sets.length) return null;
  const url = moves.length ? tag.get(moves[0][0])! : '';
  return { category: waitsFor, service, url, moves, sets };
}

/**
 * The held form of a tag whose URL belongs to a category the visitor has not granted, or null to leave it
 * exactly as written. Tags the site owner marked are held by their marking (above), never re-classified;
 * tags with nothing to fetch (a `text/plain` script, a `<link rel=canonical>`) are left alone.
 */
export function planGate(tag: TagView, context: PlanContext): GateEdit | null {
  if (!Object.hasOwn(FETCH_ATTRIBUTES, tag.name) || !fetches(tag)) return null;
  const attributes = FETCH_ATTRIBUTES[tag.name];
  if (tag.get('data-consent') || tag.get('data-service')) return planMarked(tag, attributes, context);
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
  const moves = movesOf(tag, attributes, false);
  // In SVG or MathML a script's type decides whether its inline code runs: only its URL is moved there.
  const sets = tag.name === 'script' && !tag.foreign ? heldScriptType(tag) : [];
  sets.push(['data-consent', decided.category]);
  if (decided.service) sets.push(['data-service', decided.service]);
  return { category: decided.category, service: decided.service, url: decided.url, moves, sets };
}
