/**
 * The vendor catalogue's wildcard as a RegExp: `*` matches any run of characters (none included) anywhere
 * in the pattern, everything else is literal, and the whole string must match (`ph_*_posthog`,
 * `www.facebook.com/tr`, `*.arms.aliyuncs.com/r.png*`).
 */
export function wildcardRegExp(pattern: string): RegExp {
  return new RegExp(
    '^' +
      pattern
        .split('*')
        .map((part) => part.replace(/[$()+.?[\\\]^{|}]/g, '\\$&'))
        .join('.*') +
      '$',
  );
}
