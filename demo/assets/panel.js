/*
 * The demo inspector: part of the consentry DEMO SITE, not of the SDK.
 * It shows, live, what the third parties received (from the demo server's hit log), which cookies and
 * storage keys exist, and the current consent state, so a person can watch tags being held and
 * released. It only ever talks to this page's own origin.
 */
(function () {
  'use strict';

  var POLL_MS = 1000;
  var STATE_KEY = 'demo-panel';
  var MAX_HITS_SHOWN = 40;
  var EVENTS = ['ready', 'consent', 'change', 'shown', 'hidden', 'withdraw', 'unclassified-cookie', 'error'];
  var TRACKER_LABELS = { analytics: 'Analytics', ads: 'Ad network', embed: 'Video/map' };

  var subscribedTo = null;
  var events = [];
  var lastRendered = {};
  var siteConfig = null;

  function h(tag, props) {
    var element = document.createElement(tag);
    for (var key in props || {}) {
      if (key === 'text') element.textContent = props[key];
      else if (key === 'className') element.className = props[key];
      else element.setAttribute(key, props[key]);
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child == null || child === false) continue;
      element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return element;
  }

  function chip(text, kind) {
    return h('span', { className: 'dp-chip dp-chip-' + kind, text: text });
  }

  function clock(time) {
    return new Date(time).toTimeString().slice(0, 8);
  }

  /** Open by default where there is room; on a phone the one-line summary stays until asked. */
  function readOpen() {
    var stored = null;
    try {
      stored = sessionStorage.getItem(STATE_KEY);
    } catch (e) {
      /* storage disabled */
    }
    return stored ? stored === 'open' : window.innerWidth >= 700;
  }

  function writeOpen(open) {
    try {
      sessionStorage.setItem(STATE_KEY, open ? 'open' : 'closed');
    } catch (e) {
      /* storage disabled: the panel just forgets */
    }
  }

  function sdk() {
    var api = window.Consentry;
    return api && typeof api.get === 'function' ? api : null;
  }

  /* ---------- classification: which service a cookie or storage key belongs to ---------- */

  function services() {
    var api = sdk();
    var settings = api && api.settings;
    if (settings && settings.services) return { services: settings.services, cookieName: settings.cookie && settings.cookie.name };
    if (siteConfig) return { services: siteConfig.services || [], cookieName: (siteConfig.cookie || {}).name };
    return { services: [], cookieName: 'consentry' };
  }

  function classify(name, field) {
    var known = services();
    if (field === 'cookies' && name === (known.cookieName || 'consentry')) return { label: 'consentry choice', category: 'sdk' };
    if (field === 'storage' && name.indexOf('consentry') === 0) return { label: 'consentry', category: 'sdk' };
    for (var i = 0; i < known.services.length; i++) {
      var service = known.services[i];
      var declared = service[field] || [];
      for (var j = 0; j < declared.length; j++) {
        var item = declared[j];
        var declaredName = field === 'cookies' ? item.name : item.key;
        if (name === declaredName || (item.prefix && name.indexOf(declaredName) === 0)) {
          return { label: service.name || service.id, category: service.category };
        }
      }
    }
    return { label: 'undeclared', category: 'unknown' };
  }

  /* ---------- data ---------- */

  function documentCookies() {
    return document.cookie
      .split('; ')
      .filter(Boolean)
      .map(function (pair) {
        var eq = pair.indexOf('=');
        return { name: eq < 0 ? pair : pair.slice(0, eq), value: eq < 0 ? '' : pair.slice(eq + 1) };
      });
  }

  function storageKeys() {
    var keys = [];
    [['local', window.localStorage], ['session', window.sessionStorage]].forEach(function (entry) {
      try {
        for (var i = 0; i < entry[1].length; i++) keys.push({ type: entry[0], key: entry[1].key(i) });
      } catch (e) {
        /* storage disabled */
      }
    });
    return keys;
  }

  function getJson(url) {
    return fetch(url, { cache: 'no-store', credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': ' + response.status);
      return response.json();
    });
  }

  /* ---------- rendering ---------- */

  function section(title, count, action) {
    var heading = h('h3', null, title, count == null ? null : h('span', { className: 'dp-count', text: String(count) }), action || null);
    var body = h('div', { className: 'dp-section-body' });
    return { element: h('section', { className: 'dp-section' }, heading, body), body: body, heading: heading };
  }

  function replaceIfChanged(key, container, data, build) {
    var signature = JSON.stringify(data);
    if (lastRendered[key] === signature) return;
    lastRendered[key] = signature;
    container.textContent = '';
    build(container);
  }

  function renderConsent(container) {
    var api = sdk();
    var state = null;
    try {
      state = api && api.get();
    } catch (e) {
      state = null;
    }
    replaceIfChanged('consent', container, { state: state, events: events, loaded: !!api }, function (box) {
      if (!api) {
        box.appendChild(h('p', { className: 'dp-muted', text: 'window.Consentry is not there (yet). If it stays so, run "npm run build".' }));
        return;
      }
      if (!state) {
        box.appendChild(h('p', { className: 'dp-muted', text: 'Consentry is starting…' }));
        return;
      }
      var record = state.record;
      var rows = h('dl', { className: 'dp-facts' });
      function fact(name, value) {
        rows.appendChild(h('dt', { text: name }));
        rows.appendChild(h('dd', null, value));
      }
      fact('status', chip(state.status, state.status === 'decided' ? 'on' : 'pending'));
      fact('regime', state.regime + (state.region ? ' (' + state.region + ')' : ''));
      if (state.gpc) fact('GPC', chip('on', 'pending'));
      var grants = h('span', { className: 'dp-chips' });
      Object.keys(state.categories || {}).forEach(function (id) {
        grants.appendChild(chip(id + (state.categories[id] ? ' ✓' : ' ✗'), state.categories[id] ? 'on' : 'off'));
      });
      fact('grants', grants);
      // Per-service choices only when the visitor made some; otherwise services follow their category.
      var overrides = Object.keys((record && record.services) || {});
      if (overrides.length) {
        var serviceChips = h('span', { className: 'dp-chips' });
        overrides.forEach(function (id) {
          serviceChips.appendChild(chip(id + (record.services[id] ? ' ✓' : ' ✗'), record.services[id] ? 'on' : 'off'));
        });
        fact('services', serviceChips);
      }
      if (record) {
        fact('record', h('code', { text: record.id }));
        fact('method', record.method);
        fact('decided', new Date(record.time).toLocaleString());
      } else {
        fact('record', h('span', { className: 'dp-muted', text: 'none: no choice stored' }));
      }
      box.appendChild(rows);
      if (events.length) {
        var log = h('ol', { className: 'dp-events', 'aria-label': 'SDK events' });
        events.slice(-6).reverse().forEach(function (event) {
          log.appendChild(h('li', null, h('time', { text: clock(event.time) }), ' ', h('b', { text: event.name }), event.detail ? ' ' + event.detail : ''));
        });
        box.appendChild(h('p', { className: 'dp-subhead', text: 'Events' }));
        box.appendChild(log);
      }
    });
  }

  function renderHits(container, count, data) {
    replaceIfChanged('hits', container, data, function (box) {
      var hits = data.hits || [];
      count.textContent = String(hits.length);
      if (!hits.length) {
        box.appendChild(h('p', { className: 'dp-empty', text: 'No request reached a third party.' }));
        return;
      }
      var totals = {};
      hits.forEach(function (hit) {
        totals[hit.tracker] = (totals[hit.tracker] || 0) + 1;
      });
      var summary = h('p', { className: 'dp-chips' });
      Object.keys(totals).forEach(function (tracker) {
        summary.appendChild(chip((TRACKER_LABELS[tracker] || tracker) + ' ' + totals[tracker], 'tracker-' + tracker));
      });
      box.appendChild(summary);
      var list = h('ol', { className: 'dp-list dp-hits' });
      hits
        .slice(-MAX_HITS_SHOWN)
        .reverse()
        .forEach(function (hit) {
          list.appendChild(
            h(
              'li',
              { title: hit.method + ' ' + hit.path + (hit.page ? '\nfor page ' + hit.page : '') + (hit.referer ? '\nReferer: ' + hit.referer : '') },
              h('time', { text: clock(hit.time) }),
              chip(hit.kind, 'kind'),
              h('span', { className: 'dp-tracker dp-tracker-' + hit.tracker, text: TRACKER_LABELS[hit.tracker] || hit.tracker }),
              h('code', { text: hit.path.length > 70 ? hit.path.slice(0, 69) + '…' : hit.path }),
            ),
          );
        });
      box.appendChild(list);
    });
  }

  function renderCookies(container, count, serverNames) {
    var visible = documentCookies();
    var visibleNames = visible.map(function (cookie) {
      return cookie.name;
    });
    var httpOnly = (serverNames || []).filter(function (name) {
      return visibleNames.indexOf(name) < 0;
    });
    var data = { visible: visible, httpOnly: httpOnly, services: services().services.length };
    replaceIfChanged('cookies', container, data, function (box) {
      count.textContent = String(visible.length + httpOnly.length);
      if (!visible.length && !httpOnly.length) {
        box.appendChild(h('p', { className: 'dp-empty', text: 'No cookie.' }));
        return;
      }
      var list = h('ul', { className: 'dp-list' });
      visible.forEach(function (cookie) {
        var owner = classify(cookie.name, 'cookies');
        list.appendChild(
          h('li', { title: cookie.name + '=' + decodeURIComponentSafe(cookie.value) }, h('code', { text: cookie.name }), chip(owner.category, 'cat-' + owner.category), h('span', { className: 'dp-owner', text: owner.label })),
        );
      });
      httpOnly.forEach(function (name) {
        var owner = classify(name, 'cookies');
        list.appendChild(
          h('li', { title: 'HttpOnly: sent to the server, hidden from scripts' }, h('code', { text: name }), chip(owner.category, 'cat-' + owner.category), h('span', { className: 'dp-owner', text: owner.label + ' · HttpOnly' })),
        );
      });
      box.appendChild(list);
    });
  }

  function renderStorage(container, count) {
    var keys = storageKeys();
    replaceIfChanged('storage', container, { keys: keys, services: services().services.length }, function (box) {
      count.textContent = String(keys.length);
      if (!keys.length) {
        box.appendChild(h('p', { className: 'dp-empty', text: 'No storage key.' }));
        return;
      }
      var list = h('ul', { className: 'dp-list' });
      keys.forEach(function (entry) {
        var owner = classify(entry.key, 'storage');
        list.appendChild(h('li', null, h('code', { text: entry.key }), chip(entry.type, 'kind'), chip(owner.category, 'cat-' + owner.category), h('span', { className: 'dp-owner', text: owner.label })));
      });
      box.appendChild(list);
    });
  }

  function decodeURIComponentSafe(value) {
    try {
      return decodeURIComponent(value);
    } catch (e) {
      return value;
    }
  }

  function describe(name, detail) {
    if (!detail) return '';
    if (name === 'change') {
      var parts = [];
      Object.keys(detail.categories || {}).forEach(function (id) {
        parts.push(id + (detail.categories[id] ? '+' : '−'));
      });
      Object.keys(detail.services || {}).forEach(function (id) {
        parts.push(id + (detail.services[id] ? '+' : '−'));
      });
      return parts.join(' ');
    }
    if (name === 'shown' || name === 'hidden') return detail.view || '';
    if (name === 'unclassified-cookie') return detail.name + ' (' + detail.action + ')';
    if (name === 'withdraw') return (detail.categories || []).join(', ');
    if (name === 'error') return String((detail.error && detail.error.message) || detail);
    if (detail.status) return detail.status + (detail.record ? ' · ' + detail.record.method : '');
    return '';
  }

  function subscribe(api) {
    if (subscribedTo === api || typeof api.on !== 'function') return;
    subscribedTo = api;
    EVENTS.forEach(function (name) {
      try {
        api.on(name, function (detail) {
          events.push({ name: name, time: Date.now(), detail: describe(name, detail) });
          if (events.length > 50) events.shift();
          refreshLocal();
        });
      } catch (e) {
        /* an event this SDK build does not know */
      }
    });
  }

  /* ---------- mounting ---------- */

  var open = readOpen();
  var toggle = h('button', { type: 'button', className: 'dp-toggle', 'aria-expanded': String(open), 'aria-controls': 'demo-panel-body' }, open ? 'Hide' : 'Show');
  var summary = h('span', { className: 'dp-summary', 'aria-live': 'off' });
  var clearButton = h('button', { type: 'button', className: 'dp-small-button', text: 'Clear' });
  var consentSection = section('Consent', null);
  var hitsSection = section('Third-party requests', 0, clearButton);
  var cookieSection = section('Cookies', 0);
  var storageSection = section('Storage', 0);
  var hitsCount = hitsSection.heading.querySelector('.dp-count');
  var cookieCount = cookieSection.heading.querySelector('.dp-count');
  var storageCount = storageSection.heading.querySelector('.dp-count');

  // The mode the server rendered this page in (demo/server/rewrite-switch.mjs): on, off or unavailable.
  var rewriterMeta = document.querySelector('meta[name="demo-rewriter"]');
  var rewriterMode = rewriterMeta ? rewriterMeta.getAttribute('content') : null;
  var rewriterButton = h('button', { type: 'button', className: 'dp-small-button', text: rewriterMode === 'off' ? 'Turn on' : 'Turn off' });
  var rewriter = rewriterMode
    ? h(
        'span',
        { className: 'dp-rewriter', title: 'Pages served through consentry/rewrite: unmarked tracker tags are held on the server. ?rewrite=1 on any page URL.' },
        chip('HTML rewriter: ' + (rewriterMode === 'unavailable' ? 'unavailable (run "npm run build")' : rewriterMode), rewriterMode === 'on' ? 'on' : 'off'),
        rewriterButton,
      )
    : null;
  // A button, not a link: the consentry scanner's crawl of this demo follows every <a href>, and the
  // legacy page leaks to trackers by design, without the rewriter.
  var legacyButton = h('button', { type: 'button', className: 'dp-link-button', text: 'Legacy page' });

  var body = h('div', { id: 'demo-panel-body', className: 'dp-body' }, consentSection.element, hitsSection.element, cookieSection.element, storageSection.element);
  body.hidden = !open;

  var panel = h(
    'aside',
    { id: 'demo-panel', className: 'dp', 'aria-label': 'Demo inspector (not part of the consentry SDK)', 'data-demo-panel': '' },
    h(
      'div',
      { className: 'dp-bar' },
      h('span', { className: 'dp-tag', text: 'DEMO' }),
      h('strong', { className: 'dp-title', text: 'Inspector' }),
      h('span', { className: 'dp-note', text: 'part of this demo site, not of the consentry SDK' }),
      summary,
      rewriter,
      h('span', { className: 'dp-links' }, h('a', { href: '/playground', text: 'Playground' }), h('a', { href: '/spa/', text: 'SPA' }), h('a', { href: '/receipts', text: 'Receipts' }), legacyButton),
      toggle,
    ),
    body,
  );

  toggle.addEventListener('click', function () {
    open = body.hidden;
    body.hidden = !open;
    toggle.textContent = open ? 'Hide' : 'Show';
    toggle.setAttribute('aria-expanded', String(open));
    writeOpen(open);
  });

  rewriterButton.addEventListener('click', function () {
    var next = new URL(location.href);
    next.searchParams.set('rewrite', rewriterMode === 'off' ? '1' : '0');
    location.assign(next.href);
  });

  legacyButton.addEventListener('click', function () {
    location.assign('/legacy');
  });

  clearButton.addEventListener('click', function () {
    fetch('/__demo/hits/clear', { method: 'POST', credentials: 'same-origin' }).then(refreshRemote);
  });

  var latestHits = { hits: [] };
  var latestServerCookies = [];

  function refreshSummary() {
    var api = sdk();
    var state = null;
    try {
      state = api && api.get();
    } catch (e) {
      state = null;
    }
    var granted = state
      ? Object.keys(state.categories || {}).filter(function (id) {
          return state.categories[id] && id !== 'essential';
        })
      : [];
    summary.textContent =
      (state ? 'consent: ' + state.status + (granted.length ? ' (' + granted.join(', ') + ')' : '') : 'consent: —') +
      ' · ' + (latestHits.hits || []).length + ' third-party hits · ' + (cookieCount.textContent || '0') + ' cookies';
  }

  function refreshLocal() {
    var api = sdk();
    if (api) subscribe(api);
    renderConsent(consentSection.body);
    renderCookies(cookieSection.body, cookieCount, latestServerCookies);
    renderStorage(storageSection.body, storageCount);
    refreshSummary();
  }

  function refreshRemote() {
    return Promise.all([getJson('/__demo/hits'), getJson('/__demo/cookies')])
      .then(function (results) {
        latestHits = results[0];
        latestServerCookies = results[1].names || [];
        renderHits(hitsSection.body, hitsCount, latestHits);
      })
      .catch(function () {
        /* the demo server is gone: keep the last picture */
      })
      .then(refreshLocal);
  }

  function mount() {
    var skip = document.querySelector('.skip-link');
    if (skip && skip.parentNode === document.body) document.body.insertBefore(panel, skip.nextSibling);
    else document.body.insertBefore(panel, document.body.firstChild);
    getJson('/consent.json')
      .then(function (config) {
        siteConfig = config;
      })
      .catch(function () {
        /* classification falls back to "undeclared" */
      });
    refreshRemote();
    setInterval(refreshRemote, POLL_MS);
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
