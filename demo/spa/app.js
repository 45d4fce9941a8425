/*
 * Cirrus Console: a small single-page app using consentry the npm way. `import … from 'consentry'`
 * resolves through the page's import map to the npm build, bundled by the demo server with its
 * dependencies (see demo/server/bundle-sdk.mjs). Client-side routes use the history API; the app
 * loads its analytics itself through the consent API and reports each route change as a page view.
 */
import { createConsent } from 'consentry';

const root = document.getElementById('spa-root');
const analyticsOrigin = root.dataset.analyticsOrigin;
const embedOrigin = root.dataset.embedOrigin;
const zh = document.documentElement.lang.startsWith('zh');

const T = zh
  ? {
      console: '控制台',
      overview: '概览',
      traffic: '流量分析',
      tutorials: '视频教程',
      privacy: '隐私设置',
      cookieSettings: 'Cookie 设置',
      events: 'consentry 事件',
      eventsHint: '通过 consent.on(…) 订阅；状态徽标通过 $state.subscribe(…) 更新。',
      requests: '今日请求数',
      hitRatio: '缓存命中率',
      saved: '节省带宽',
      overviewText: 'cirrus-shop.example 过去 24 小时的概况。',
      trafficText: '每小时请求量（最近 24 小时）。切换页面时，如果已同意统计分析，应用会发送一次页面浏览。',
      tutorialsText: '下面的视频是在路由切换时动态插入的；在同意广告之前，consentry 会拦截它。',
      privacyText: '这些开关直接调用 consent.set(…)，与横幅中的选择效果相同。',
      analytics: '统计分析',
      analyticsHint: '页面浏览信标和使用日志',
      advertising: '广告',
      advertisingHint: '个性化广告、广告横幅、嵌入视频和地图',
      acceptAll: '全部接受',
      rejectAll: '全部拒绝',
      reset: '清除我的选择',
      created: '实例已创建',
      videoHeld: '在您允许广告类 Cookie 之前，来自 Streamly 的视频不会加载。',
    }
  : {
      console: 'Console',
      overview: 'Overview',
      traffic: 'Traffic',
      tutorials: 'Tutorials',
      privacy: 'Privacy',
      cookieSettings: 'Cookie settings',
      events: 'consentry events',
      eventsHint: 'Subscribed with consent.on(…); the badges follow $state.subscribe(…).',
      requests: 'Requests today',
      hitRatio: 'Cache hit ratio',
      saved: 'Bandwidth saved',
      overviewText: 'cirrus-shop.example over the last 24 hours.',
      trafficText: 'Requests per hour, last 24 hours. On every route change the app reports a page view, if analytics is granted.',
      tutorialsText: 'This video is inserted on the route change; consentry holds it until advertising is granted.',
      privacyText: 'These switches call consent.set(…), exactly like the choices in the banner.',
      analytics: 'Analytics',
      analyticsHint: 'Page-view beacons and usage logs',
      advertising: 'Advertising',
      advertisingHint: 'Personalised ads, ad banners, embedded videos and maps',
      acceptAll: 'Accept all',
      rejectAll: 'Reject all',
      reset: 'Forget my choice',
      created: 'instance created',
      videoHeld: 'The video from Streamly is held until you allow advertising cookies.',
    };

const ROUTES = {
  '/spa/': { title: T.overview, render: renderOverview },
  '/spa/traffic': { title: T.traffic, render: renderTraffic },
  '/spa/tutorials': { title: T.tutorials, render: renderTutorials },
  '/spa/privacy': { title: T.privacy, render: renderPrivacy },
};

/* ---------- tiny DOM helper: text only, never HTML ---------- */

function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === 'text') element.textContent = value;
    else if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key in element && typeof value !== 'string') element[key] = value;
    else element.setAttribute(key, value);
  }
  element.append(...children.filter((child) => child != null));
  return element;
}

/* ---------- consent ---------- */

const config = await fetch('/consent.json', { credentials: 'same-origin' }).then((response) => response.json());
const consent = createConsent(config);
// The demo panel (and a curious person's console) look for the instance here.
window.Consentry = consent;

const eventLog = h('ol', { class: 'event-log', id: 'spa-events', 'aria-live': 'polite' });
const badges = h('div', { class: 'state-badges', id: 'spa-state' });

function logEvent(name, detail) {
  const time = new Date().toTimeString().slice(0, 8);
  eventLog.prepend(h('li', { 'data-event': name }, h('time', { text: time }), h('b', { text: name }), ' ' + detail));
}

function describe(name, detail) {
  if (name === 'change') {
    return Object.entries({ ...detail.categories, ...detail.services })
      .map(([id, granted]) => `${id}${granted ? '+' : '−'}`)
      .join(' ');
  }
  if (name === 'shown' || name === 'hidden') return detail.view;
  if (name === 'error') return detail.error.message;
  if (name === 'withdraw') return detail.categories.join(', ');
  if (detail && detail.status) return `${detail.status}${detail.record ? ` · ${detail.record.method}` : ''}`;
  return '';
}

// createConsent() has already configured itself by the time it returns, so record where it started.
logEvent(T.created, describe('ready', consent.get()));
for (const name of ['ready', 'consent', 'change', 'shown', 'hidden', 'withdraw', 'error']) {
  consent.on(name, (detail) => logEvent(name, describe(name, detail)));
}

/* ---------- analytics, loaded by the app only once granted ---------- */

let analyticsRequested = false;

function syncAnalytics() {
  if (analyticsRequested || !consent.isGranted('northstar-analytics')) return;
  analyticsRequested = true;
  document.head.append(h('script', { src: `${analyticsOrigin}/ns.js?id=NS4D3M0&spa=1`, async: true }));
}

function reportPageView(path) {
  if (consent.isGranted('northstar-analytics') && typeof window.northstar === 'function') {
    window.northstar('page_view', { path });
  }
}

/* ---------- routes ---------- */

function currentPath() {
  const path = location.pathname.replace(/\/+$/, '/') || '/spa/';
  return ROUTES[path] ? path : path === '/spa' ? '/spa/' : '/spa/';
}

function renderOverview() {
  return [
    h('p', { class: 'lead', text: T.overviewText }),
    h(
      'div',
      { class: 'metrics' },
      h('div', { class: 'metric' }, h('span', { text: T.requests }), h('strong', { text: '12.4M' })),
      h('div', { class: 'metric' }, h('span', { text: T.hitRatio }), h('strong', { text: '94.2%' })),
      h('div', { class: 'metric' }, h('span', { text: T.saved }), h('strong', { text: '3.1 TB' })),
    ),
    bars([30, 42, 38, 55, 61, 58, 72, 80, 76, 69, 88, 95]),
  ];
}

function renderTraffic() {
  return [h('p', { class: 'lead', text: T.trafficText }), bars([12, 9, 8, 7, 9, 14, 25, 40, 58, 66, 70, 74, 71, 69, 72, 75, 78, 80, 77, 64, 50, 38, 26, 18])];
}

function renderTutorials() {
  return [
    h('p', { class: 'lead', text: T.tutorialsText }),
    h(
      'figure',
      { class: 'embed embed-video' },
      h(
        'div',
        { class: 'embed-frame' },
        h('iframe', {
          'data-consent': 'advertising',
          'data-service': 'streamly-video',
          'data-src': `${embedOrigin}/video/embed/console-tour?title=${encodeURIComponent(zh ? '控制台快速上手' : 'A tour of the console')}`,
          title: zh ? '视频：控制台快速上手' : 'Video: a tour of the console',
          allow: 'fullscreen',
        }),
        h(
          'div',
          { class: 'embed-held' },
          h('p', { text: T.videoHeld }),
          h('button', { class: 'button button-small button-ghost', type: 'button', text: T.cookieSettings, onclick: () => consent.showPreferences() }),
        ),
      ),
    ),
  ];
}

function renderPrivacy() {
  const state = consent.get();
  const toggle = (id, label, hint) =>
    h(
      'label',
      { class: 'toggle' },
      h('span', null, h('strong', { text: label }), h('small', { text: hint })),
      h('input', {
        type: 'checkbox',
        id: `spa-toggle-${id}`,
        checked: !!state.categories[id],
        onchange: (event) => {
          const categories = { ...consent.get().categories, [id]: event.target.checked };
          consent.set({ categories });
        },
      }),
    );
  return [
    h('p', { class: 'lead', text: T.privacyText }),
    h('div', { class: 'toggle-list' }, toggle('analytics', T.analytics, T.analyticsHint), toggle('advertising', T.advertising, T.advertisingHint)),
    h(
      'div',
      { class: 'button-row' },
      h('button', { class: 'button', type: 'button', id: 'spa-accept', text: T.acceptAll, onclick: () => consent.acceptAll() }),
      h('button', { class: 'button button-ghost', type: 'button', id: 'spa-reject', text: T.rejectAll, onclick: () => consent.rejectAll() }),
      h('button', { class: 'button button-danger', type: 'button', id: 'spa-reset', text: T.reset, onclick: () => consent.reset() }),
    ),
  ];
}

function bars(values) {
  const max = Math.max(...values);
  return h('div', { class: 'bars', 'aria-hidden': 'true' }, ...values.map((value) => h('i', { style: `height:${Math.round((value / max) * 100)}%` })));
}

const main = h('section', { class: 'console-main', id: 'spa-main' });
const nav = h(
  'nav',
  { class: 'console-nav', 'aria-label': T.console },
  h('p', { class: 'console-title', text: T.console }),
  ...Object.entries(ROUTES).map(([path, route]) => h('a', { href: path, 'data-route': path, text: route.title })),
);

function renderRoute() {
  const path = currentPath();
  const route = ROUTES[path];
  document.title = `${route.title} · Cirrus Console`;
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('data-route') === path) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  main.textContent = '';
  main.append(
    h(
      'div',
      { class: 'card-head' },
      h('h1', { text: route.title }),
      h('button', { class: 'button button-ghost button-small', type: 'button', id: 'spa-cookie-settings', text: T.cookieSettings, onclick: () => consent.showPreferences() }),
    ),
    ...route.render(),
  );
}

function navigate(path) {
  if (path === currentPath()) return;
  history.pushState(null, '', path);
  renderRoute();
  reportPageView(path);
  main.querySelector('h1')?.focus?.();
}

nav.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(link.getAttribute('data-route'));
});
window.addEventListener('popstate', () => {
  renderRoute();
  reportPageView(currentPath());
});

root.textContent = '';
root.append(
  h(
    'div',
    { class: 'container console' },
    nav,
    main,
    h('aside', { class: 'panel-card events', 'aria-labelledby': 'spa-events-title' }, h('h2', { id: 'spa-events-title', text: T.events }), badges, h('p', { class: 'form-note', text: T.eventsHint }), eventLog),
  ),
);
renderRoute();

// The store is the source of truth: any framework can subscribe; here, plain DOM.
consent.$state.subscribe((state) => {
  badges.textContent = '';
  badges.append(h('span', { class: `chip ${state.status === 'decided' ? 'chip-on' : ''}`, text: state.status }));
  for (const [id, granted] of Object.entries(state.categories)) {
    badges.append(h('span', { class: `chip ${granted ? 'chip-on' : 'chip-off'}`, 'data-category': id, text: `${id} ${granted ? '✓' : '✗'}` }));
  }
  syncAnalytics();
  if (currentPath() === '/spa/privacy') renderRoute();
});
