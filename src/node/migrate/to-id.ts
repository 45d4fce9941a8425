import { MAX_ID } from '../../core/config/limits';

/**
 * A consentry id (lower-case letters, digits and '-') from another tool's name: "Google Analytics" →
 * "google-analytics", "inlineTracker" → "inlinetracker". Empty when nothing usable is left.
 */
export function toId(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID)
    .replace(/-+$/, '');
  // The two ids the validator refuses: an object reaches them through its prototype.
  return id == 'constructor' || id == 'prototype' ? id + '-id' : id;
}
