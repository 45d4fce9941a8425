import type { PageWindow, Uninstall } from '../loader/effects/integrations/contract';

/** A postMessage request from a nested frame, as both IAB CMP APIs define it. */
export interface CmpCall {
  command: string;
  parameter?: unknown;
  version?: unknown;
  callId: string | number;
}

export type CmpReply = (returnValue: unknown, success: boolean) => void;

/**
 * The frame-facing half of an IAB CMP API (`__gpp` for GPP, `__tcfapi` for TCF): a hidden iframe named
 * `<api>Locator` tells scripts in nested, possibly cross-origin frames that a CMP lives in this window, and
 * their `{ <api>Call: … }` messages are answered with `{ <api>Return: { returnValue, success, callId } }`,
 * as a string when the call came as a string. Answers go to any origin: the protocol is public by design.
 */
export function serveCmpFrames(win: PageWindow, api: '__gpp' | '__tcfapi', invoke: (call: CmpCall, reply: CmpReply) => void): Uninstall {
  const doc = win.document;
  const name = api + 'Locator';
  let frame: HTMLIFrameElement | undefined;
  const addFrame = () => {
    if ((win.frames as unknown as { [name: string]: unknown })[name]) return;
    frame = doc.createElement('iframe');
    frame.name = name;
    frame.style.display = 'none';
    doc.body.appendChild(frame);
  };
  // The loader runs in <head>, before <body> exists.
  if (doc.body) addFrame();
  else doc.addEventListener('DOMContentLoaded', addFrame);

  const onMessage = ({ data, source }: MessageEvent) => {
    const asString = typeof data === 'string';
    // Anything that is not a call for this API (unparsable, another protocol, no sender) is not ours to answer.
    try {
      const call: CmpCall = (asString ? JSON.parse(data) : data)[api + 'Call'];
      if (call && source) {
        invoke(call, (returnValue, success) => {
          const message = { [api + 'Return']: { returnValue, success, callId: call.callId } };
          (source as Window).postMessage(asString ? JSON.stringify(message) : message, '*');
        });
      }
    } catch {
      // ignored, see above
    }
  };
  win.addEventListener('message', onMessage);

  return () => {
    win.removeEventListener('message', onMessage);
    doc.removeEventListener('DOMContentLoaded', addFrame);
    frame?.remove();
  };
}
