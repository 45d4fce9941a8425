// The SRI hashes of the browser files of this version, as README.md states them for the release.
// `node scripts/sri.mjs` prints the table; `--write` puts it into README.md between its markers.
// tests/unit/release-sri.test.ts fails when README and the build disagree, so a release cannot ship
// with stale hashes (the build never writes README itself).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/', root);
export const START = '<!-- sri:start -->';
export const END = '<!-- sri:end -->';

export function browserFiles() {
  const packs = existsSync(new URL('i18n/', dist))
    ? readdirSync(new URL('i18n/', dist))
        .sort()
        .map((f) => 'i18n/' + f)
    : [];
  return ['consentry.min.js', 'consentry-parts.min.js', 'consentry-ui.min.js', 'consentry-gpp.min.js', ...packs];
}

export const sriOf = (file) =>
  'sha384-' +
  createHash('sha384')
    .update(readFileSync(new URL(file, dist)))
    .digest('base64');

export function sriTable() {
  const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const rows = browserFiles().map((file) => `| \`${file}\` | \`${sriOf(file)}\` |`);
  return [START, `Release ${version}:`, '', '| File | `integrity` |', '| --- | --- |', ...rows, END].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const table = sriTable();
  if (process.argv.includes('--write')) {
    const readmeUrl = new URL('README.md', root);
    const readme = readFileSync(readmeUrl, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) throw new Error('README.md has no ' + START + ' … ' + END + ' section');
    writeFileSync(readmeUrl, readme.slice(0, start) + table + readme.slice(end + END.length));
    console.log('README.md: SRI hashes updated');
  } else console.log(table);
}
