/**
 * What one `Set-Cookie` header or one `document.cookie = …` assignment asks for: the cookie's name,
 * the domain it lands on, and whether it deletes rather than sets.
 */
export interface CookieWrite {
  name: string;
  /** Host the cookie lands on, lower case, without a leading dot. */
  domain: string;
  deletes: boolean;
}

export function parseCookieWrite(text: string, url: string): CookieWrite | null {
  const [pair, ...attributes] = text.split(';');
  const eq = pair.indexOf('=');
  const name = (eq < 0 ? '' : pair.slice(0, eq)).trim();
  if (!name && eq < 0) return null;
  let domain = '';
  try {
    domain = new URL(url).hostname;
  } catch {
    /* about:blank and the like: the domain stays unknown */
  }
  let deletes = false;
  for (const attribute of attributes) {
    const [key, ...rest] = attribute.split('=');
    const value = rest.join('=').trim();
    const lower = key.trim().toLowerCase();
    if (lower == 'domain' && value) domain = value.replace(/^\./, '');
    else if (lower == 'max-age' && Number(value) <= 0) deletes = true;
    else if (lower == 'expires' && Date.parse(value) < Date.now()) deletes = true;
  }
  return { name, domain: domain.toLowerCase(), deletes };
}
