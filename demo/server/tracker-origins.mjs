/**
 * The fake third parties listen on free ports, so pages and the config name them by placeholder and
 * the server fills in the real origins when it serves them.
 *
 * HTML uses `{{ANALYTICS}}`, `{{ADS}}`, `{{EMBED}}` (left unfilled they would stay relative, so never
 * leave 127.0.0.1). The JSON config uses `http://<name>.demo.invalid`, which keeps it a valid config
 * (URL-prefix rules) and, being a reserved name, can never resolve anywhere.
 *
 * @typedef {{ analytics: string, ads: string, embed: string }} TrackerOrigins
 */

/** @type {Record<keyof TrackerOrigins, string>} */
export const CONFIG_PLACEHOLDER_ORIGINS = {
  analytics: 'http://analytics.demo.invalid',
  ads: 'http://ads.demo.invalid',
  embed: 'http://embed.demo.invalid',
};

/** @param {TrackerOrigins} trackers */
export function trackerPlaceholders(trackers) {
  return { ANALYTICS: trackers.analytics, ADS: trackers.ads, EMBED: trackers.embed };
}

/**
 * @param {string} configText the JSON config template
 * @param {TrackerOrigins} trackers
 */
export function fillConfigOrigins(configText, trackers) {
  let text = configText;
  for (const name of /** @type {Array<keyof TrackerOrigins>} */ (Object.keys(CONFIG_PLACEHOLDER_ORIGINS))) {
    text = text.split(CONFIG_PLACEHOLDER_ORIGINS[name]).join(trackers[name]);
  }
  return text;
}
