import { gppString } from './gpp-string';
import { SUPPORTED_APIS, type GppCallback, type GppListener } from './stub';

export interface GppSection {
  id: number;
  /** The API prefix, e.g. "usnat". */
  prefix: string;
  /** One object per sub-section, in spec order, field names as the section spec spells them. */
  parsed: object[];
  encoded: string;
}

export interface GppStatus {
  cmpStatus: 'loaded' | 'error';
  cmpDisplayStatus: 'visible' | 'hidden' | 'disabled';
  signalStatus: 'ready' | 'not ready';
  cmpId: number;
  applicableSections: number[];
  sections: GppSection[];
}

export interface GppApi {
  /** `__gpp(command, callback, parameter, version)`: every generic command answers at once through the callback. */
  call(command: unknown, callback: unknown, parameter?: unknown, version?: unknown): void;
  /** Tell every registered listener about an event (`signalStatus`, `sectionChange`, `cmpDisplayStatus`, …). */
  fire(eventName: string, data: unknown): void;
  ping(): object;
}

// Callers get copies: what they do with an answer must not change what the CMP holds.
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/**
 * The generic commands of the IAB GPP CMP API v1.1 over a status the caller keeps current: `ping`,
 * `addEventListener`, `removeEventListener`, `hasSection`, `getSection`, `getField`. Pure: no DOM, no globals.
 * `listeners`/`lastId` let it adopt what a stub registered, so listener ids stay valid.
 */
export function createGppApi(read: () => GppStatus, listeners: GppListener[] = [], lastId = 0): GppApi {
  const section = (prefix: unknown) => read().sections.find((candidate) => candidate.prefix === prefix);

  const ping = () => {
    const status = read();
    const parsedSections: { [prefix: string]: object[] } = {};
    for (const { prefix, parsed } of status.sections) parsedSections[prefix] = copy(parsed);
    return {
      gppVersion: '1.1',
      cmpStatus: status.cmpStatus,
      cmpDisplayStatus: status.cmpDisplayStatus,
      signalStatus: status.signalStatus,
      supportedAPIs: SUPPORTED_APIS,
      cmpId: status.cmpId,
      sectionList: status.sections.map(({ id }) => id).sort((a, b) => a - b),
      applicableSections: [...status.applicableSections],
      gppString: gppString(status.sections),
      parsedSections,
    };
  };

  const field = (parameter: unknown) => {
    if (typeof parameter !== 'string') return null;
    const dot = parameter.indexOf('.');
    const found = section(parameter.slice(0, dot));
    const name = parameter.slice(dot + 1);
    const holder = dot > 0 && found?.parsed.find((subsection) => name in subsection);
    return holder ? copy((holder as { [name: string]: unknown })[name]) : null;
  };

  const call: GppApi['call'] = (command, callback, parameter) => {
    if (typeof callback !== 'function') return;
    const reply = callback as GppCallback;
    switch (command) {
      case 'ping':
        return reply(ping(), true);
      case 'addEventListener': {
        const id = ++lastId;
        listeners.push({ id, callback: reply, parameter });
        return reply({ eventName: 'listenerRegistered', listenerId: id, data: true, pingData: ping() }, true);
      }
      case 'removeEventListener': {
        const index = listeners.findIndex((listener) => listener.id === Number(parameter));
        if (index >= 0) listeners.splice(index, 1);
        return reply(index >= 0, true);
      }
      case 'hasSection':
        return reply(!!section(parameter), true);
      case 'getSection': {
        const found = section(parameter);
        return reply(found ? copy(found.parsed) : null, true);
      }
      case 'getField':
        return reply(field(parameter), true);
      default:
        return reply(null, false);
    }
  };

  const fire: GppApi['fire'] = (eventName, data) => {
    for (const listener of [...listeners]) {
      listener.callback({ eventName, listenerId: listener.id, data, pingData: ping() }, true);
    }
  };

  return { call, fire, ping };
}
