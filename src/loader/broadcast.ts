/**
 * Tells the site's other open tabs that the choice changed; each re-reads the cookie itself, so a
 * forged message can at most make a tab re-check what is already stored.
 */
export function openBroadcast(name: string, onChange: () => void): { post(): void; close(): void } {
  let channel: BroadcastChannel | undefined;
  try {
    channel = new BroadcastChannel('consentry:' + name);
    channel.onmessage = onChange;
  } catch {
    /* no BroadcastChannel (old browser, some sandboxes): tabs pick the change up on their next page */
  }
  return {
    post: () => channel?.postMessage(1),
    close: () => channel?.close(),
  };
}
