/**
 * The admin page takes the token as `Authorization: Bearer <token>` (scripts) or from a cookie set by its
 * sign-in form (people). The cookie holds a hash of the token, not the token. Comparisons are between
 * sha256 digests, so their timing says nothing about the token.
 */
export const ADMIN_COOKIE = 'consentry_receipts_admin';

const encoder = new TextEncoder();
const digest = async (text: string) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode('consentry-receipts-admin\n' + text))), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header || '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function createAdminAuth(token: string) {
  const expected = digest(token);
  // The cookie value is itself a credential: compare digests of it too, never the value directly.
  const expectedCookieDigest = expected.then(digest);
  return {
    async tokenMatches(candidate: string | null | undefined): Promise<boolean> {
      return !!candidate && (await digest(candidate)) === (await expected);
    },
    async isSignedIn(authorization: string | undefined, cookieHeader: string | undefined): Promise<boolean> {
      const bearer = /^Bearer\s+(.+)$/i.exec(authorization || '')?.[1];
      if (bearer) return this.tokenMatches(bearer.trim());
      const cookie = cookieValue(cookieHeader, ADMIN_COOKIE);
      return !!cookie && (await digest(cookie)) === (await expectedCookieDigest);
    },
    /** HttpOnly, SameSite=Strict, only sent to the admin pages; Secure unless served over plain http. */
    async cookie(path: string, secure: boolean): Promise<string> {
      return `${ADMIN_COOKIE}=${await expected}; Path=${path}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}; Max-Age=28800`;
    },
  };
}
