/**
 * The Chromium flag that resolves these host names (a leading `*.` for every subdomain) to 127.0.0.1, so a
 * test can serve a vendor's real host name from a loopback server and nothing leaves the machine.
 */
export function loopbackHosts(hosts: readonly string[]): string {
  return '--host-resolver-rules=' + hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ');
}
