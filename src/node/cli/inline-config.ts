/**
 * A config as text that is safe inside `<script type="application/json">`: the HTML parser ends that
 * element at the first `</script` whatever JSON thinks, and `<!--` changes how it looks for the end. So a
 * banner text containing `</script><script>…` would become markup: stored XSS in the usual CMS template.
 * JSON may write any character of a string as \uXXXX, so the escaped text parses to the same config:
 * `<`, `>` and `&` (nothing that HTML or a templating layer could read as markup or an entity), and
 * U+2028/U+2029 (line terminators to a JavaScript parser, should the text ever end up in a script).
 * Outside strings JSON has none of these characters, so replacing them everywhere is exact.
 *
 * Every place the CLI writes a config (`build-config`, the scanner's draft, `migrate`) goes through here.
 */
const UNSAFE_IN_HTML = /[<>&\u2028\u2029]/g;

export function escapeJsonForHtml(json: string): string {
  return json.replace(UNSAFE_IN_HTML, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** `JSON.stringify` whose output can be pasted inline unchanged: pretty with `indent`, compact without. */
export function configJson(config: unknown, indent?: number): string {
  return escapeJsonForHtml(JSON.stringify(config, null, indent));
}

export interface InlineOptions {
  /**
   * The page's CSP nonce (or a template placeholder for it, such as `{{ cspNonce }}`), written as the
   * element's `nonce` attribute: a loader with a nonce reads only a config element with the same one.
   */
  nonce?: string;
}

/** The complete element the loader reads the config from, for pasting into a page's `<head>`. */
export function inlineConfigElement(config: unknown, { nonce }: InlineOptions = {}): string {
  // Only `"` can end a double-quoted attribute value: anything else (a template's `{{ }}` or `<%= %>`) stays.
  if (nonce?.includes('"')) throw new RangeError(`a nonce cannot contain '"': ${nonce}`);
  const nonceAttribute = nonce ? ` nonce="${nonce}"` : '';
  return `<script type="application/json" id="consentry-config"${nonceAttribute}>${configJson(config)}</script>`;
}
