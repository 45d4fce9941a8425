/**
 * The client's address cut to its network: IPv4 to /24 ("203.0.113.0"), IPv6 to /48 ("2001:db8:1::").
 * Only stored when the owner opts in (storeClientAddress); the rate limiter keys on the full address in
 * memory and never writes it anywhere.
 */
export function truncateAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(address);
  if (v4) return `${+v4[1]}.${+v4[2]}.${+v4[3]}.0`;
  if (!address.includes(':')) return null;
  const [head, tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (!address.includes('::') && left.length !== 8) return null;
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return (
    groups
      .slice(0, 3)
      .map((group) => parseInt(group, 16).toString(16))
      .join(':') + '::'
  );
}
