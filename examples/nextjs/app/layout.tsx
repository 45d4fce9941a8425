import type { ReactNode } from 'react';
import { AnalyticsLoader } from './analytics-loader';
import { ConsentProvider } from './consent-provider';

export const metadata = { title: 'consentry with Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <ConsentProvider>
          <AnalyticsLoader />
          {children}
        </ConsentProvider>
        <footer>
          {/* Any element with data-consent-open opens the preferences: it works from a Server Component. */}
          <a href="#" data-consent-open>
            Cookie settings
          </a>
        </footer>
      </body>
    </html>
  );
}
