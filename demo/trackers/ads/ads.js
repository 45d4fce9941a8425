/*
 * Adpulse: a stand-in ad network (think Meta pixel + DoubleClick), served by the consentry demo.
 * It writes _fbp and _gcl_au from script, fires a 1x1 pixel, and fills ad slots with an iframe;
 * its server also sets its own IDE cookie on every response.
 */
(function () {
  var ORIGIN = '{{ORIGIN}}';
  var NINETY_DAYS = 90 * 86400;

  if (window.adpulse && window.adpulse.loaded) return;

  function readCookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : '';
  }
  function writeCookie(name, value) {
    document.cookie = name + '=' + encodeURIComponent(value) + '; path=/; SameSite=Lax; max-age=' + NINETY_DAYS;
  }

  var browserId = readCookie('_fbp') || 'fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e10);
  writeCookie('_fbp', browserId);
  writeCookie('_gcl_au', readCookie('_gcl_au') || '1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000));

  function track(event, data) {
    var query = 'ev=' + encodeURIComponent(event) + '&fbp=' + encodeURIComponent(browserId) + '&dl=' + encodeURIComponent(location.href);
    for (var key in data || {}) query += '&cd[' + encodeURIComponent(key) + ']=' + encodeURIComponent(data[key]);
    new Image(1, 1).src = ORIGIN + '/px.gif?' + query;
  }

  function fillSlots() {
    var slots = document.querySelectorAll('[data-adpulse-slot]:not([data-adpulse-filled])');
    for (var i = 0; i < slots.length; i++) {
      var slot = slots[i];
      var frame = document.createElement('iframe');
      frame.src = ORIGIN + '/frame?slot=' + encodeURIComponent(slot.getAttribute('data-adpulse-slot'));
      frame.title = 'Advertisement';
      frame.setAttribute('scrolling', 'no');
      frame.className = 'adpulse-frame';
      slot.setAttribute('data-adpulse-filled', '');
      slot.appendChild(frame);
    }
  }

  function run(command) {
    if (command[0] === 'track') track(command[1], command[2]);
  }

  var queued = window.adq || [];
  window.adq = { push: run };
  window.adpulse = function () {
    run(Array.prototype.slice.call(arguments));
  };
  window.adpulse.loaded = true;

  track('PageView');
  for (var i = 0; i < queued.length; i++) run(queued[i]);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fillSlots);
  else fillSlots();
})();
