// Read the list the loader itself uses, so the build and the runtime cannot disagree.
import { readFileSync } from 'node:fs';
const source = readFileSync(new URL('../src/loader/language-packs.ts', import.meta.url), 'utf8');
export const PACK_NAMES = JSON.parse(source.match(/PACK_NAMES = (\[[^\]]*\])/)[1].replace(/'/g, '"'));
