import { base64Url, fibonacciRange, fixedInt } from './encoding';

/** Header: Type Int(6) = 3, Version Int(6) = 1, then the ids of the sections that follow, as Range(Fibonacci). */
export function gppHeader(sectionIds: number[]): string {
  return base64Url(fixedInt(3, 6) + fixedInt(1, 6) + fibonacciRange(sectionIds));
}

/** The full GPP string: header and the encoded sections in ascending id order, joined by '~'. */
export function gppString(sections: Array<{ id: number; encoded: string }>): string {
  const sorted = [...sections].sort((a, b) => a.id - b.id);
  return [gppHeader(sorted.map((section) => section.id)), ...sorted.map((section) => section.encoded)].join('~');
}
