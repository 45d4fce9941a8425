import { useEffect } from 'react';
import { consent } from './consent';
import { ConsentStatus } from './ConsentStatus';
import { useConsentState } from './use-consent-state';

export function App() {
  const analytics = useConsentState(consent).categories.analytics;

  // The analytics module is imported only once analytics is granted: before that its code is not even downloaded.
  useEffect(() => {
    if (analytics) void import('./analytics');
  }, [analytics]);

  return (
    <>
      <main>
        <h1>consentry with React</h1>
        <ConsentStatus consent={consent} />
      </main>
      <footer>
        <button type="button" onClick={() => void consent.showPreferences()}>
          Cookie settings
        </button>
      </footer>
    </>
  );
}
