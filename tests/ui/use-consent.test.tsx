import { act, render, screen } from '@testing-library/preact';
import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';
import type { Consent } from '../../src/core/policy/api';
import type { ConsentState } from '../../src/core/policy/types';
import { subscribe } from '../../src/npm/hooks/subscribe';
import { useConsent } from '../../src/npm/hooks/use-consent';

const initial: ConsentState = {
  status: 'pending',
  categories: { essential: true, analytics: false },
  services: {},
  record: null,
  regime: 'opt-in',
  region: null,
  gpc: false,
  needsBanner: true,
};
const fakeConsent = () => {
  const $state = atom(initial);
  return { consent: { $state, get: () => $state.get() } as unknown as Consent, $state };
};

function Analytics({ consent }: { consent: Consent }) {
  const { categories } = useConsent(consent);
  return <p>{categories.analytics ? 'analytics on' : 'analytics off'}</p>;
}

describe('useConsent', () => {
  it('renders the current state and re-renders on change', () => {
    const { consent, $state } = fakeConsent();
    render(<Analytics consent={consent} />);
    screen.getByText('analytics off');
    act(() => $state.set({ ...initial, status: 'decided', categories: { essential: true, analytics: true } }));
    screen.getByText('analytics on');
  });

  it('stops listening when unmounted', () => {
    const { consent, $state } = fakeConsent();
    const { unmount } = render(<Analytics consent={consent} />);
    unmount();
    expect($state.lc).toBe(0);
  });
});

describe('subscribe', () => {
  it('calls at once, then on each change, until unsubscribed', () => {
    const { consent, $state } = fakeConsent();
    const seen: boolean[] = [];
    const stop = subscribe(consent, (state) => seen.push(state.categories.analytics));
    $state.set({ ...initial, categories: { essential: true, analytics: true } });
    stop();
    $state.set(initial);
    expect(seen).toEqual([false, true]);
  });
});
