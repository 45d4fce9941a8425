/**
 * Every key of `Texts` (types.ts): what `texts.<language>` may set. Any other key is refused with a
 * "did you mean" hint, so a misspelt key never leaves the built-in text in place silently.
 * tests/unit/config-texts.test.ts holds this equal to the language packs' keys (src/core/texts/pack-keys.ts).
 */
export const TEXT_KEYS: readonly string[] = (
  'bannerTitle bannerText bannerPurposes analyticsPurposes advertisingPurposes listAnd listComma listLastAnd ' +
  'acceptAll rejectAll customize close privacyPolicy preferencesTitle preferencesText save alwaysOn services ' +
  'cookieName cookieProvider cookiePurpose cookieDuration consentId consentDate doNotSell gpcHonored ' +
  'crossBorderTitle crossBorderText crossBorderContact ageQuestion ageAdult ageMinor minorNote essentialTitle ' +
  'essentialDescription analyticsTitle analyticsDescription advertisingTitle advertisingDescription ' +
  'optOutPurposes signalHonored gpcNotice dntNotice signalOverride untilDeleted untilTabClosed reopen placeholderText loadOnce alwaysAllow'
).split(' ');
