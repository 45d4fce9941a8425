import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/*
 * `npm audit --omit=dev` cannot run on this project's machines (the registry answers 405 to the audit
 * endpoint). Until it can, the advisories known for the three runtime dependencies are checked here,
 * against both what is installed and the lowest version package.json lets a site install.
 * Sources: GHSA-qjx8-664m-686j / CVE-2026-46625 (js-cookie prototype hijack in assign(), fixed in 3.0.7);
 * CVE-2026-22028 (Preact JSON VNode injection, 10.26.5–10.28.1, fixed in 10.26.10, 10.27.3, 10.28.2).
 */
const ADVISORIES: { name: string; id: string; vulnerable: string }[] = [
  { name: 'js-cookie', id: 'CVE-2026-46625', vulnerable: '<3.0.7' },
  { name: 'preact', id: 'CVE-2026-22028', vulnerable: '>=10.26.5 <10.26.10 || >=10.27.0 <10.27.3 || >=10.28.0 <10.28.2' },
];

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const installed = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;

describe('known advisories of the runtime dependencies', () => {
  it.each(ADVISORIES)('$name: $id is not installed, and the declared range excludes it', ({ name, vulnerable }) => {
    expect(semver.satisfies(installed(name), vulnerable)).toBe(false);
    const range = pkg.dependencies[name];
    expect(semver.satisfies(semver.minVersion(range)!.version, vulnerable)).toBe(false);
    expect(semver.intersects(range, vulnerable)).toBe(false);
  });

  it('the check itself would catch a vulnerable range', () => {
    expect(semver.intersects('^3.0.1', ADVISORIES[0].vulnerable)).toBe(true);
    expect(semver.intersects('^10.27.0', ADVISORIES[1].vulnerable)).toBe(true);
  });
});
