import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { UiView } from '../../src/core/policy/api';
import { type ContextOptions, type Shown, showUi } from './fixtures';

/**
 * Minors (PIPL art. 31, GDPR art. 8, COPPA; issue 19 §2): with `minors.ask` the age question is on the
 * banner's first layer, no grant is made before it is answered, and below the threshold only a parent's or
 * guardian's confirmation grants anything optional.
 */
let shown: Shown | undefined;
afterEach(() => {
  shown?.ui.unmount();
  shown = undefined;
  document.body.innerHTML = '';
});

const minors = { minors: { ask: true } };

async function open(view: UiView, options: ContextOptions = {}) {
  shown = await showUi(view, { ...options, config: { ...minors, ...options.config } });
  const screen = within(shown.root as unknown as HTMLElement);
  const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
  return { ...shown, screen, click };
}

const activeIn = (root: ShadowRoot) => root.activeElement;

describe('the age question on the banner', () => {
  it('is on the first layer, nothing pre-selected, and "Accept all" grants nothing before it is answered', async () => {
    const { screen, click, ctx, root } = await open('banner');
    const group = screen.getByRole('group', { name: 'Your age group' });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((radio) => radio.checked)).toEqual([false, false]);
    click('Accept all');
    expect(ctx.acceptAll).not.toHaveBeenCalled();
    screen.getByText('Answer the age question first.');
    expect(activeIn(root)).toBe(radios[0]);
  });

  it('"Reject all" needs no answer: refusing is as easy as before', async () => {
    const { click, ctx } = await open('banner');
    click('Reject all');
    expect(ctx.rejectAll).toHaveBeenCalledWith(expect.objectContaining({ via: 'banner' }));
  });

  it('an adult accepts from the banner, the age group travelling with the decision', async () => {
    const { screen, click, ctx } = await open('banner');
    fireEvent.click(screen.getByLabelText('16 or older'));
    click('Accept all');
    expect(ctx.acceptAll).toHaveBeenCalledWith({
      via: 'banner',
      lang: 'en',
      textsHash: expect.stringMatching(/^[0-9a-z]{1,11}$/),
      ageGroup: 'adult',
    });
  });

  it('below the threshold "Accept all" waits for a parent or guardian, who reads the statement and confirms', async () => {
    const { screen, click, ctx, root } = await open('banner', { state: { region: 'US-CA' } });
    fireEvent.click(screen.getByLabelText('Under 13'));
    const guardian = screen.getByRole('group', { name: 'Parent or guardian' });
    within(guardian).getByText(/Under 13, only a parent or guardian can agree to optional cookies/);
    const confirm = within(guardian).getByRole('checkbox', { name: /I am this visitor's parent or guardian/ }) as HTMLInputElement;
    expect(confirm.checked).toBe(false);
    click('Accept all');
    expect(ctx.acceptAll).not.toHaveBeenCalled();
    screen.getByText('A parent or guardian has to confirm first.');
    expect(activeIn(root)).toBe(confirm);
    fireEvent.click(confirm);
    click('Accept all');
    expect(ctx.acceptAll).toHaveBeenCalledWith(expect.objectContaining({ via: 'guardian', ageGroup: 'minor' }));
  });

  it('a child without a guardian can still refuse, recorded with the age group', async () => {
    const { screen, click, ctx } = await open('banner');
    fireEvent.click(screen.getByLabelText('Under 16'));
    click('Reject all');
    expect(ctx.rejectAll).toHaveBeenCalledWith(expect.objectContaining({ via: 'banner', ageGroup: 'minor' }));
  });

  it('the answer and the confirmation carry into the dialog "Customize" opens', async () => {
    const { screen, click, root } = await open('banner');
    fireEvent.click(screen.getByLabelText('Under 16'));
    fireEvent.click(screen.getByRole('checkbox'));
    click('Customize');
    const dialog = within(root.querySelector('[role=dialog]') as HTMLElement);
    expect((dialog.getByLabelText('Under 16') as HTMLInputElement).checked).toBe(true);
    expect((dialog.getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    expect((dialog.getByRole('switch', { name: 'Analytics' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('is not on the banner unless the site asks', async () => {
    shown = await showUi('banner');
    expect(within(shown.root as unknown as HTMLElement).queryByRole('group', { name: 'Your age group' })).toBeNull();
  });

  it('speaks Chinese in a Chinese banner', async () => {
    const { screen } = await open('banner', { language: 'zh', state: { region: 'CN' } });
    screen.getByRole('group', { name: '您的年龄段' });
    fireEvent.click(screen.getByLabelText('未满 14 周岁'));
    screen.getByRole('group', { name: '父母或其他监护人' });
    screen.getByText(/未满 14 周岁的访问者不能自行同意使用非必要 Cookie/);
    fireEvent.click(screen.getByRole('button', { name: '全部接受' }));
    screen.getByText('需先由父母或其他监护人确认。');
  });
});

describe('thresholds per regime', () => {
  it.each([
    ['CN', 14],
    ['CN-31', 14],
    ['US-CA', 13],
    ['DE', 16],
    [null, 16],
  ])('%s: under %d', async (region, age) => {
    const { screen } = await open('banner', { state: { region } });
    screen.getByLabelText(`Under ${age}`);
    screen.getByLabelText(`${age} or older`);
  });

  it('18 where the site sets it', async () => {
    const { screen } = await open('banner', {
      config: { minors: { ask: true, thresholds: { default: 18, CN: 18 } } },
      state: { region: 'CN' },
    });
    screen.getByLabelText('Under 18');
  });
});

describe('the guardian path in the dialog', () => {
  it('locks every optional switch off below the threshold until a guardian confirms', async () => {
    const { screen } = await open('preferences');
    const switches = ['Analytics', 'Advertising'].map((name) => screen.getByRole('switch', { name }) as HTMLButtonElement);
    fireEvent.click(switches[0]);
    expect(switches[0].getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByLabelText('Under 16'));
    expect(switches.map((s) => [s.getAttribute('aria-checked'), s.disabled])).toEqual([
      ['false', true],
      ['false', true],
    ]);
    expect(screen.getAllByText(/Needs a parent's or guardian's consent/)).toHaveLength(2);
    fireEvent.click(screen.getByRole('checkbox', { name: /parent or guardian/ }));
    expect(switches.map((s) => s.disabled)).toEqual([false, false]);
    fireEvent.click(switches[1]);
    fireEvent.click(screen.getByRole('button', { name: 'Save choices' }));
    expect(shown!.ctx.set).toHaveBeenCalledWith(
      { categories: { analytics: false, advertising: true }, ageGroup: 'minor' },
      expect.objectContaining({ via: 'guardian' }),
    );
  });

  it("a child's save without a guardian records essential only, as the child's own choice", async () => {
    const { screen } = await open('preferences');
    fireEvent.click(screen.getByLabelText('Under 16'));
    fireEvent.click(screen.getByRole('button', { name: 'Save choices' }));
    expect(shown!.ctx.set).toHaveBeenCalledWith(
      { categories: { analytics: false, advertising: false }, ageGroup: 'minor' },
      expect.objectContaining({ via: 'dialog' }),
    );
  });

  it('a grant saved before the age question is answered waits for it', async () => {
    const { screen } = await open('preferences');
    fireEvent.click(screen.getByRole('switch', { name: 'Analytics' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save choices' }));
    expect(shown!.ctx.set).not.toHaveBeenCalled();
    screen.getByText('Answer the age question first.');
  });

  it('withdrawing the confirmation turns the switches off again', async () => {
    const { screen } = await open('preferences');
    fireEvent.click(screen.getByLabelText('Under 16'));
    const confirm = screen.getByRole('checkbox');
    fireEvent.click(confirm);
    const analytics = screen.getByRole('switch', { name: 'Analytics' });
    fireEvent.click(analytics);
    expect(analytics.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(confirm);
    expect(analytics.getAttribute('aria-checked')).toBe('false');
  });
});

describe("the consent tool's own storage, listed under essential (issue 19 §7)", () => {
  it('names its cookie and localStorage keys, with their purposes, as the site (first party)', async () => {
    shown = await showUi('preferences', { config: { receipts: { endpoint: 'https://example.com/receipts' } } });
    const screen = within(shown.root as unknown as HTMLElement);
    const more = screen
      .getAllByRole('button', { name: /Services and cookies/ })
      .find((b) => b.getAttribute('aria-controls') == 'cy-s-essential')!;
    fireEvent.click(more);
    const panel = shown.root.getElementById('cy-s-essential')!;
    const rows = within(panel)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows.map((row) => row[0])).toEqual(['consentry', 'consentry:settings', 'consentry:texts', 'consentry:receipts']);
    expect(rows[0][2]).toBe('Your privacy choices');
    expect(rows[0][3]).toMatch(/182 days/);
    expect(rows[3][2]).toBe('Proof of your choice, until the site receives it');
    expect(rows.every((row) => row[1] === location.hostname)).toBe(true);
  });
});
