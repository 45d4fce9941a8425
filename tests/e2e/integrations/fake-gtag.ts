/**
 * A fake gtag.js: like the real one it reads every `dataLayer` entry in order, already queued and pushed later,
 * treating Arguments objects as commands. Instead of sending hits it logs each command, and for measurement
 * commands (`config`, `event`) the consent state Google would apply at that moment, for a visitor whose region
 * the page sets in `window.__fakeGoogleRegion` (Google resolves it from the IP address).
 */
import type { PageWindow } from '../../../src/loader/effects/integrations/contract';
import { createConsentModel } from './google-consent-model';

const win = window as PageWindow;
const model = createConsentModel(win.__fakeGoogleRegion || 'DE');
const log: Array<{ command: string; consent?: { [type: string]: string } }> = (win.__fakeGoogleLog = []);
const layer: unknown[] = (win.dataLayer ||= []);

const handle = (entry: unknown) => {
  if (Object.prototype.toString.call(entry) !== '[object Arguments]') {
    const event = (entry as { event?: string }).event;
    if (event) log.push({ command: `event-object ${event}` });
    return;
  }
  const [name, first, payload] = [...(entry as unknown[])] as [string, string, { [key: string]: unknown }];
  if (name === 'consent') model.consent(first, payload);
  const command = name === 'js' ? 'js' : `${name} ${first}`;
  log.push(name === 'config' || name === 'event' ? { command, consent: { ...model.values } } : { command });
};

layer.forEach(handle);
const push = layer.push.bind(layer);
layer.push = (...entries: unknown[]) => {
  const length = push(...entries);
  entries.forEach(handle);
  return length;
};
