import { DEFAULT_TRUSTED_TYPES_POLICY } from '../../core/config/defaults';

/**
 * Trusted Types: where the page enforces them, the URLs and inline code of tags the site owner marked go
 * through one policy, "consentry" unless `blocking.trustedTypesPolicy` names another (allow it in the
 * `trusted-types` directive). The policy is created once per page, on first use — which comes after the
 * config is known, since nothing is activated or loaded before — because a page may refuse a second
 * policy of the same name.
 */
interface Policy {
  createScriptURL(url: string, folder?: string): unknown;
  createScript(code: string): unknown;
}

let policy: Policy | null | undefined;
let policyName = DEFAULT_TRUSTED_TYPES_POLICY;

/** Takes effect if no policy was created yet (the config is applied before anything is activated). */
export function nameTrustedTypesPolicy(name: string): void {
  policyName = name;
}

/** The SDK's own files (see loader/lazy-script): the only names the policy vouches for as its own. */
const OWN_FILE = /^(consentry-[a-z]+|i18n\/[a-z]{2})\.min\.js$/;

function trustedPolicy(): Policy | null {
  if (policy === undefined) {
    policy = null;
    try {
      const pass = (value: string) => value;
      policy =
        (window as { trustedTypes?: { createPolicy(name: string, rules: object): Policy } }).trustedTypes?.createPolicy(policyName, {
          // A tag's URL is what the owner marked; one of the SDK's own files must be exactly a known file in
          // the folder the loader chose (its own, or an allowed `ui.assetsUrl`), whoever builds the string.
          createScriptURL: (url: string, folder?: string) => {
            if (folder != null && !(url.startsWith(folder) && OWN_FILE.test(url.slice(folder.length))))
              throw new TypeError('consentry: not its file: ' + url);
            return url;
          },
          createScript: pass,
        }) || null;
    } catch {
      // Policy refused by the page's CSP: plain strings, which work wherever Trusted Types are not enforced.
    }
  }
  return policy;
}

/** Typed as string so it can be assigned to `src`; at run time it is a TrustedScriptURL where supported. */
export const toScriptURL = (url: string): string => (trustedPolicy()?.createScriptURL(url) ?? url) as string;

/** One of the SDK's own files: `file` in `folder`, vouched for only if it is one (see OWN_FILE). */
export const toOwnScriptURL = (folder: string, file: string): string =>
  (trustedPolicy()?.createScriptURL(folder + file, folder) ?? folder + file) as string;

export const toScript = (code: string): string => (trustedPolicy()?.createScript(code) ?? code) as string;
