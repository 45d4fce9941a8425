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
    script.onerror = () => {
      script.remove();
      reject(new Error('consentry: could not load ' + url));
    };
    (script as { src: string }).src = options.toScriptURL ? options.toScriptURL(url) : url;
    document.head.appendChild(script);
  });
}
