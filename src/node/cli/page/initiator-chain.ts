/**
 * Who caused each request. Chromium tells, per request, the script or document that asked for it;
 * following those links back gives the chain: pixel ← tracker script ← tag manager ← page.
 */
export interface InitiatorLog {
  /** Remember that `url` was asked for by `initiator` (a script or document URL). */
  note(url: string, initiator: string): void;
  /** The chain of initiators of `url`, nearest first, without cycles. */
  chain(url: string, first?: string): string[];
}

export function createInitiatorLog(maxDepth = 10): InitiatorLog {
  const initiatorOf = new Map<string, string>();
  return {
    note(url, initiator) {
      if (initiator && initiator != url && !initiatorOf.has(url)) initiatorOf.set(url, initiator);
    },
    chain(url, first) {
      const out: string[] = [];
      let next = first || initiatorOf.get(url);
      while (next && !out.includes(next) && next != url && out.length < maxDepth) {
        out.push(next);
        next = initiatorOf.get(next);
      }
      return out;
    },
  };
}

/** The nearest URL in a CDP `Network.Initiator`: the calling script's, else the parser's document. */
export function cdpInitiatorUrl(initiator: CdpInitiator | undefined): string {
  if (!initiator) return '';
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    const frame = stack.callFrames.find((call) => /^https?:/.test(call.url));
    if (frame) return frame.url;
  }
  return initiator.url || '';
}

export interface CdpInitiator {
  type: string;
  url?: string;
  stack?: CdpStack;
}
interface CdpStack {
  callFrames: Array<{ url: string }>;
  parent?: CdpStack;
}
