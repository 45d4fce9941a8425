import type { Page } from 'playwright-core';

/** The loader has run: `window.Consentry` exists (its config may still be on its way). */
export const loaderRan = (tab: Page) => tab.waitForFunction(() => !!window.Consentry);

/** The config is validated and applied: `Consentry.settings` is set. */
export const configured = (tab: Page) => tab.waitForFunction(() => window.Consentry?.settings);

/** The UI element is on the page: on a first visit, the config is validated and applied and the banner came. */
export const uiMounted = (tab: Page) => tab.waitForFunction(() => !!document.querySelector('consentry-ui'), null, { timeout: 10_000 });
