import type { LocalizedText } from '../../core/config/types';
import { LANGUAGE } from '../../core/config/patterns';

/**
 * A language code consentry accepts ("en", "zh-CN"), from another tool's ("EN", "zh_CN"), or undefined.
 */
export function toLanguage(code: string): string | undefined {
  const [primary, ...rest] = code.trim().replace(/_/g, '-').split('-');
  const normalised = [primary.toLowerCase(), ...rest].join('-');
  return LANGUAGE.test(normalised) ? normalised : undefined;
}

/**
 * One text per language as consentry's LocalizedText: a plain string when every language says the same
 * (or there is one language), else an object per language. Undefined when there is no text at all.
 */
export function localized(perLanguage: Map<string, string>): LocalizedText | undefined {
  const values = [...perLanguage.values()].filter(Boolean);
  if (!values.length) return undefined;
  if (values.every((value) => value == values[0])) return values[0];
  const out: { [lang: string]: string } = {};
  for (const [lang, value] of perLanguage) if (value) out[lang] = value;
  return out;
}
