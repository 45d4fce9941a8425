/*
 * Northstar Analytics: a stand-in for gtag.js and Baidu Tongji, served by the consentry demo.
 * It behaves the way those tags do so the SDK can be seen holding it back: first-party cookies
 * written from script, a localStorage id, and page-view beacons (sendBeacon + an image).
 */
(function () {
  var ORIGIN = '{{ORIGIN}}';
  var MEASUREMENT_ID = 'NS4D3M0';
  var SITE_ID = '5a1f0c2d8e7b49f3a6c4d2e1b0f9a8c7';
  var TWO_YEARS = 730 * 86400;

  if (window.northstar && window.northstar.loaded) return;

  function readCookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : '';
  }
  function writeCookie(name, value, maxAge) {
    document.cookie =
      name + '=' + encodeURIComponent(value) + '; path=/; SameSite=Lax' + (maxAge ? '; max-age=' + maxAge : '');
  }

  var now = Math.floor(Date.now() / 1000);
  var clientId = readCookie('_ga').split('.').slice(2).join('.') || Math.floor(Math.random() * 2147483647) + '.' + now;
  var firstVisit = readCookie('Hm_lvt_' + SITE_ID) || String(now);
  var settings = { anonymizeIp: false };

  writeCookie('_ga', 'GA1.1.' + clientId, TWO_YEARS);
  writeCookie('_ga_' + MEASUREMENT_ID, 'GS1.1.' + now + '.1.0.' + now + '.0.0.0', TWO_YEARS);
  writeCookie('Hm_lvt_' + SITE_ID, firstVisit.split(',').concat(String(now)).slice(-4).join(','), 365 * 86400);
  writeCookie('Hm_lpvt_' + SITE_ID, String(now));
  try {
    localStorage.setItem('ns_client', JSON.stringify({ cid: clientId, since: now }));
  } catch (e) {
    /* storage disabled */
  }

  function pageView(path) {
    var location_ = location.origin + (path || location.pathname + location.search);
    var query =
      'v=2&tid=' + MEASUREMENT_ID +
      '&cid=' + encodeURIComponent(clientId) +
      '&en=page_view' +
      (settings.anonymizeIp ? '&aip=1' : '') +
      '&dl=' + encodeURIComponent(location_) +
      '&dt=' + encodeURIComponent(document.title);
    navigator.sendBeacon(ORIGIN + '/g/collect?' + query);
    new Image(1, 1).src =
      ORIGIN + '/hm.gif?si=' + SITE_ID + '&lt=' + firstVisit.split(',')[0] + '&u=' + encodeURIComponent(location_) + '&rnd=' + Math.random();
  }

  function run(command) {
    if (command[0] === 'config') settings.anonymizeIp = !!(command[2] && command[2].anonymize_ip);
    if (command[0] === 'page_view') pageView(command[1] && command[1].path);
  }

  // Commands queued by the inline snippet before the library arrived, then live ones.
  var queued = window.nsq || [];
  for (var i = 0; i < queued.length; i++) run(queued[i]);
  window.nsq = { push: run };
  window.northstar = function () {
    run(Array.prototype.slice.call(arguments));
  };
  window.northstar.loaded = true;

  // The page view of the page that loaded the tag; single-page apps report later route changes
  // themselves with northstar('page_view', { path }).
  pageView();
})();
