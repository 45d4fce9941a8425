/**
 * The longest text a pattern anchored at both ends can match, or undefined when it has no bound (`*`, `+`,
 * `{n,}`) or is not anchored. The schema states it as `maxLength` where it is tighter than the validator's
 * general limit: a region code is "at most 6 characters", not 5000. It reads the syntax the config's
 * patterns use (src/core/config/patterns.ts): groups, lookarounds, alternation, classes, escapes and the
 * quantifiers `?`, `*`, `+`, `{n}`, `{n,m}`, `{n,}`. A lookaround matches nothing, so it counts 0.
 */
export function longestMatch(pattern: RegExp): number | undefined {
  const source = pattern.source;
  if (source[0] != '^' || !/(^|[^\\])\$$/.test(source)) return undefined;
  let at = 0;

  const alternatives = (): number => {
    let longest = sequence();
    while (source[at] == '|') {
      at++;
      longest = Math.max(longest, sequence());
    }
    return longest;
  };

  const sequence = (): number => {
    let total = 0;
    while (at < source.length && source[at] != '|' && source[at] != ')') total += quantified(atom());
    return total;
  };

  const atom = (): number => {
    const char = source[at++];
    if (char == '^' || char == '$') return 0;
    if (char == '\\') return (at++, 1);
    if (char == '[') {
      while (source[at] != ']') at += source[at] == '\\' ? 2 : 1;
      return (at++, 1);
    }
    if (char != '(') return 1;
    const lookaround = /^\?<?[=!]/.exec(source.slice(at));
    if (lookaround) at += lookaround[0].length;
    else if (source.startsWith('?:', at)) at += 2;
    const inner = alternatives();
    at++; // the closing parenthesis
    return lookaround ? 0 : inner;
  };

  const quantified = (length: number): number => {
    const char = source[at];
    if (char == '?') return (at++, length);
    if (char == '*' || char == '+') return (at++, length && Infinity);
    const braces = char == '{' && /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
    if (!braces) return length;
    at += braces[0].length;
    const most = braces[2] ? (braces[3] ? Number(braces[3]) : Infinity) : Number(braces[1]);
    return length && length * most;
  };

  const longest = alternatives();
  return Number.isFinite(longest) ? longest : undefined;
}
