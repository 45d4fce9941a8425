/**
 * Issue 20: the dialog and the banner name the categories a site uses, by their own titles.
 * - A custom category's title never comes from another text: the id `preferences` is not "Privacy preferences"
 *   (the dialog's heading), `banner` is not the banner's sentence.
 * - A built-in the site does not use can be hidden: no "Advertising" section, no "personalised ads" in the banner.
 */
import { within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { bannerText } from '../../src/ui/banner-text';
import { categoryDescription, categoryTitle } from '../../src/ui/category-texts';
import { en } from '../../src/core/texts/en';
import { type Shown, SERVICES, settingsOf, showUi } from './fixtures';

let shown: Shown | undefined;
afterEach(() => {
  shown?.ui.unmount();
  shown = undefined;
  document.body.innerHTML = '';
});

const custom = (id: string) => ({ id, title: '', description: '', required: false });

describe('a custom category without a title', () => {
  it.each(['preferences', 'banner', 'social'])('%s is called by its id, never by another text', (id) => {
    expect(categoryTitle(custom(id), en, 'en')).toBe(id);
    expect(categoryDescription(custom(id), en, 'en')).toBe('');
  });

  it('is named by its id in the banner sentence (the id "banner" is not the sentence itself)', () => {
    const settings = settingsOf({ categories: [{ id: 'banner' }, { id: 'preferences' }] });
    const text = bannerText(settings, en, 'en');
    expect(text).toContain('advertising (personalised ads, ad banners, tracking by advertisers), banner, and preferences.');
    expect(text.match(/With your consent/g)).toHaveLength(1);
  });

  it('shows its id as the heading of its section in the dialog', async () => {
    shown = await showUi('preferences', { config: { categories: [{ id: 'preferences' }] } });
    const screen = within(shown.root as unknown as HTMLElement);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Essential',
      'Analytics',
      'Advertising',
      'preferences',
    ]);
  });

  it('built-in titles still come from the texts', () => {
    expect(['essential', 'analytics', 'advertising'].map((id) => categoryTitle(custom(id), en, 'en'))).toEqual([
      'Essential',
      'Analytics',
      'Advertising',
    ]);
  });
});

describe('a hidden built-in category', () => {
  const withoutAds = { categories: [{ id: 'advertising', hidden: true }], services: SERVICES.filter((s) => s.category != 'advertising') };

  it('is gone from the settings the UI reads', () => {
    expect(settingsOf(withoutAds).categories.map((c) => c.id)).toEqual(['essential', 'analytics']);
  });

  it('is not named by the banner', async () => {
    expect(bannerText(settingsOf(withoutAds), en, 'en')).not.toMatch(/advertis|personalised ads/);
    shown = await showUi('banner', { config: withoutAds });
    const text = (shown.root as unknown as HTMLElement).textContent!;
    expect(text).toContain('analytics (site analytics, page-view beacons, usage logs)');
    expect(text).not.toMatch(/personalised ads|advertis/i);
  });

  it('has no section, no switch in the dialog', async () => {
    shown = await showUi('preferences', { config: withoutAds });
    const screen = within(shown.root as unknown as HTMLElement);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Essential', 'Analytics']);
    expect(screen.queryByRole('switch', { name: 'Advertising' })).toBeNull();
  });
});
