'use client';

import { createConsent, defineConfig, type Consent } from 'consentry';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import config from '../consentry.json';

const ConsentContext = createContext<Consent | null>(null);

/**
 * Creates the consent instance in the browser, after hydration; never on the server, where there is no visitor
 * to ask. Until then (and in the server's HTML) children see `null`: nothing granted.
 */
export function ConsentProvider({ children }: { children: ReactNode }) {
  const instance = useRef<Consent | null>(null);
  const [consent, setConsent] = useState<Consent | null>(null);
  useEffect(() => {
    // Once per page: the root layout never unmounts, and the ref survives StrictMode's second effect run.
    instance.current ??= createConsent(defineConfig(config));
    setConsent(instance.current);
  }, []);
  return <ConsentContext.Provider value={consent}>{children}</ConsentContext.Provider>;
}

/** The consent instance, or null during server rendering and before the provider's effect has run. */
export function useConsentInstance(): Consent | null {
  return useContext(ConsentContext);
}
