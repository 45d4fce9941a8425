/*
 * Demo only, served before consentry when GPC is switched on in the playground: make this browser
 * report Global Privacy Control the way Firefox, Brave or a privacy extension would.
 */
Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
  configurable: true,
  get: function () {
    return true;
  },
});
