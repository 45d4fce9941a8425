/**
 * Loads one of the SDK's own lazy files (UI chunk, language pack) with a classic script element, so it
 * works from any origin the site allows in script-src. The nonce of the loader is carried over for
 * strict CSPs; the URL passes through the Trusted Types policy when one is given.
 */
export interface LoadScriptOptions {
  nonce?: string;
  toScriptURL?: (url: string) => string;
}

export function loadScript(url: string, options: LoadScriptOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    if (options.nonce) script.nonce = options.nonce;
    script.async = true;
    script.onload = () => resolve();
    const failed = (reason = '') => {
      script.remove();
      reject(new Error('consentry: could not load ' + url + reason));
    };
    script.onerror = () => failed();
    try {
      (script as { src: string }).src = options.toScriptURL ? options.toScriptURL(url) : url;
      document.head.appendChild(script);
    } catch (error) {
      // Refused by the page's Trusted Types: say so in our own words, the browser's follow them.
      failed(': ' + (error as Error).message);
    }
  });
}
