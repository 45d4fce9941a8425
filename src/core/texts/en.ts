import type { UiTexts } from './page-texts';

/** English: the complete pack every other language falls back to. Wording follows the seed policies. */
export const en: UiTexts = {
  bannerTitle: 'Cookies on this site',
  bannerText:
    'We use cookies and similar technologies for sign-in, security and fraud prevention, and to remember your preferences and language.',
  bannerPurposes: 'With your consent, we and third parties also use them for {purposes}. You can change your choice at any time.',
  analyticsPurposes: 'analytics (site analytics, page-view beacons, usage logs)',
  advertisingPurposes: 'advertising (personalised ads, ad banners, tracking by advertisers)',
  // How {purposes} joins its items: "a and b", "a, b, and c" (spaces included).
  listAnd: ' and ',
  listComma: ', ',
  listLastAnd: ', and ',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  close: 'Close',
  privacyPolicy: 'Privacy policy',
  preferencesTitle: 'Privacy preferences',
  preferencesText:
    'Choose which cookies and similar technologies we may use. Essential ones are always on: the site cannot work without them.',
  save: 'Save choices',
  alwaysOn: 'Always on',
  services: 'Services and cookies',
  cookieName: 'Cookie',
  cookieProvider: 'Provider',
  cookiePurpose: 'Purpose',
  cookieDuration: 'Duration',
  consentId: 'Consent ID',
  consentDate: 'Date of your choice',
  doNotSell: 'Do Not Sell or Share My Personal Information',
  gpcHonored: 'Opt-out request honored',
  crossBorderTitle: 'Transfer outside your country',
  crossBorderText:
    'We would like to send your personal information to {recipient} in {country} for {purpose}. Data concerned: {data}. Refusing does not affect the rest of the site.',
  crossBorderContact: "Recipient's contact: {contact}",
  ageQuestion: 'Your age group',
  ageAdult: '{age} or older',
  ageMinor: 'Under {age}',
  minorNote: "Needs a parent's or guardian's consent",
  essentialTitle: 'Essential',
  essentialDescription: 'Sign-in, security and fraud prevention, your preferences and language.',
  analyticsTitle: 'Analytics',
  analyticsDescription: 'Site analytics by third parties, page-view beacons and usage logs.',
  advertisingTitle: 'Advertising',
  advertisingDescription: 'Personalised ads, ad banners and tracking by advertisers.',
  // New texts go here, at the end: the order is the built packs' (see pack-keys.ts).
  optOutPurposes: 'We and third parties also use them for {purposes}. You can opt out of any of them at any time.',
  signalHonored: 'Opt-out preference signal honored',
  gpcNotice: 'Your browser sends Global Privacy Control, so we do not sell or share your personal information: advertising stays off.',
  dntNotice: 'Your browser sends Do Not Track, so we use essential cookies only.',
  signalOverride:
    'What your browser refuses stays off, even with “Accept all”. Switching it on in the preferences and saving overrides the signal on this site.',
  untilDeleted: 'until deleted',
  untilTabClosed: 'until the tab is closed',
  // Separate consents (issue 19): the other two kinds, and the art. 39 details every kind shows.
  sensitiveTitle: 'Sensitive personal information',
  sensitiveText:
    'We would like {recipient} to process sensitive personal information about you for {purpose}. Data concerned: {data}. Refusing does not affect the rest of the site.',
  provisionTitle: 'Sharing with another company',
  provisionText:
    'We would like to provide your personal information to {recipient} for {purpose}. Data concerned: {data}. Refusing does not affect the rest of the site.',
  processingMethod: 'How it is processed: {method}.',
  exerciseRights: 'How to exercise your rights: {rights}.',
  separateNote: 'Asked separately: “Accept all” does not switch it on.',
  doNotSellText:
    'We and third parties use your personal information for targeted advertising, which the law counts as selling or sharing it. If you opt out, we stop in this browser.',
  optOutConfirm: 'Opt out',
  optedOut: 'You have opted out of the sale and sharing of your personal information in this browser.',
  limitSensitive: 'Limit the Use of My Sensitive Personal Information',
  limitSensitiveText: 'You can limit our use of your sensitive personal information to what is needed to provide the services you ask for.',
  limitConfirm: 'Limit the use',
  limited: 'You have limited the use of your sensitive personal information in this browser.',
  guardianTitle: 'Parent or guardian',
  guardianText:
    'Under {age}, only a parent or guardian can agree to optional cookies. Parent or guardian: read this notice and the choices, then confirm.',
  guardianConfirm: "I am this visitor's parent or guardian and I agree to the choices made here",
  ageRequired: 'Answer the age question first.',
  guardianRequired: 'A parent or guardian has to confirm first.',
  sdkCookiePurpose: 'Your privacy choices',
  sdkCachePurpose: 'Settings and texts of this consent tool, kept once you have chosen',
  sdkReceiptsPurpose: 'Proof of your choice, until the site receives it',
};
