import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from './escape-html.mjs';
import { send } from './respond.mjs';

const TRACKERS_DIR = fileURLToPath(new URL('../trackers/', import.meta.url));

/** A 1×1 transparent GIF, the classic web beacon. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Serves a tracker's file with its own origin and the request's parameters filled in, so a script
 * knows where to send its beacons. Values are escaped for the file's language.
 * @param {import('node:http').ServerResponse} res
 * @param {string} file path under demo/trackers/
 * @param {string} type
 * @param {Record<string, string>} values
 * @param {Record<string, string>} [headers]
 */
export async function sendTrackerFile(res, file, type, values, headers = {}) {
  const template = await readFile(TRACKERS_DIR + file, 'utf8');
  const escapeValue = type.startsWith('text/html') ? escapeHtml : escapeJsString;
  const body = template.replace(/\{\{([A-Z_]+)\}\}/g, (match, key) => (key in values ? escapeValue(values[key]) : match));
  send(res, 200, body, type, headers);
}

/** For values placed inside a quoted JS string literal. */
function escapeJsString(text) {
  return JSON.stringify(text).slice(1, -1).replace(/</g, '\\u003c').replace(/'/g, "\\'");
}
