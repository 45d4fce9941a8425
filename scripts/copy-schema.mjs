// Publishes the config's JSON Schema next to the bundles, for editors' "$schema" autocompletion.
import { copyFileSync, existsSync } from 'node:fs';
const from = new URL('../src/core/config/schema.json', import.meta.url);
if (existsSync(from)) copyFileSync(from, new URL('../dist/consentry.schema.json', import.meta.url));
else throw new Error('src/core/config/schema.json is missing');
