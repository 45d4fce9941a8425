/**
 * The GPP string's data types (IAB GPP Consent String Specification v1), built as strings of '0'/'1'.
 * Bits are few (a usnat section is 70), so clarity wins over bit twiddling.
 */

/** Int(n): an unsigned integer in exactly `bits` bits, most significant first. */
export function fixedInt(value: number, bits: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** bits) throw new RangeError(`${value} does not fit Int(${bits})`);
  return value.toString(2).padStart(bits, '0');
}

/**
 * Fibonacci coding of a positive integer: bit i stands for F(i+2) (1, 2, 3, 5, 8, …), the sum of the set bits
 * is the value (Zeckendorf: greedy from the largest), and a final extra '1' terminates the code word ("…11").
 */
export function fibonacci(value: number): string {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${value} cannot be Fibonacci-coded`);
  const terms: number[] = [];
  for (let a = 1, b = 2; a <= value; [a, b] = [b, a + b]) terms.push(a);
  let code = '';
  let rest = value;
  for (let i = terms.length - 1; i >= 0; i--) {
    const used = terms[i] <= rest;
    if (used) rest -= terms[i];
    code = (used ? '1' : '0') + code;
  }
  return code + '1';
}

/**
 * Range(Fibonacci): Int(12) count of groups, then per group a flag (0 single id, 1 range) followed by
 * Fibonacci-coded offsets: a single id or a range start is coded as its distance from the previous group's
 * last id (0 at first), a range end as its distance from the range start.
 */
export function fibonacciRange(ids: number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const id of sorted) {
    const group = groups[groups.length - 1];
    if (group && group[1] === id - 1) group[1] = id;
    else groups.push([id, id]);
  }
  let bits = fixedInt(groups.length, 12);
  let offset = 0;
  for (const [start, end] of groups) {
    bits += start === end ? '0' + fibonacci(start - offset) : '1' + fibonacci(start - offset) + fibonacci(end - start);
    offset = end;
  }
  return bits;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64-URL without '=' padding: the bits are padded with '0' on the right to a multiple of 6. */
export function base64Url(bits: string): string {
  let text = '';
  for (let i = 0; i < bits.length; i += 6) text += ALPHABET[parseInt(bits.slice(i, i + 6).padEnd(6, '0'), 2)];
  return text;
}
