import { within } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import type { LanguagePack } from '../../src/ui/contract';
import { createUi } from '../../src/ui/create-ui';
import { packToValues } from '../../src/core/texts/pack-values';
import de from '../../src/core/texts/packs/de';
import { fakeContext } from './fixtures';

const ui = createUi();
afterEach(() => ui.unmount());

it('shows a pack that came as values (script-tag build), with English where it has an empty slot', async () => {
  const values = packToValues({ ...de, acceptAll: undefined });
  const loaded: string[] = [];
  const loadLanguage = async (lang: string): Promise<LanguagePack> => (loaded.push(lang), values);
  await ui.show({ ...fakeContext({ language: 'de' }), loadLanguage }, 'banner');
  const root = within(document.querySelector('consentry-ui')!.shadowRoot! as unknown as HTMLElement);
  root.getByRole('region', { name: 'Cookies auf dieser Website' });
  root.getByRole('button', { name: 'Alle ablehnen' });
  root.getByRole('button', { name: 'Accept all' });
  expect(loaded).toEqual(['de']);
});
