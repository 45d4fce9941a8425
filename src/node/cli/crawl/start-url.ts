import { InputError } from '../errors';

/** The URL as typed, made absolute: `example.com` means `https://example.com/`. Only http(s). */
export function parseStartUrl(input: string): URL {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/:]+:\d+(\/|$)/.test(text) ? text : 'https://' + text;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InputError(`"${input}" is not a URL: give one such as https://example.com/`);
  }
  if (url.protocol != 'http:' && url.protocol != 'https:')
    throw new InputError(`"${input}" is a ${url.protocol} URL: only http:// and https:// sites can be scanned`);
  url.hash = '';
  return url;
}
