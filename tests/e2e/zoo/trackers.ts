/**
 * What the zoo's fake trackers serve. Every script records that it ran (`__order`), and most do what real
 * tags do: write their cookies, store ids, fire pixels, load further tags. `A` is the analytics tracker
 * origin, `B` the advertising one (both classified by the zoo config's rules); the real hostnames (Google
 * Analytics, Baidu Tongji, CNZZ, Meta) are served by Playwright routes and classified by the built-in table.
 */
export interface Origins {
  A: string;
  B: string;
}

const ran = (id: string) => `(window.__order=window.__order||[]).push(${JSON.stringify(id)});`;

export function trackerScripts({ A, B }: Origins): { [path: string]: string } {
  return {
    // Tracker A (analytics)
    'A/s/m-ext.js': `${ran('m-ext')}document.cookie='_ga=GA1.1.100; path=/';document.cookie='_za_uid=1; path=/';localStorage.setItem('za_visits','1');
      new Image().src='${A}/p/m-ext-pixel.gif';new Image().src='${B}/p/m-ext-cross.gif';`,
    'A/s/m-async.js': ran('m-async'),
    'A/s/m-defer.js': `${ran('m-defer')}window.__deferSawEnd=!!document.getElementById('zoo-end');`,
    'A/s/m-module.js': ran('m-module'),
    'A/s/vcc.js': ran('vcc'),
    'A/s/klaro.js': ran('klaro'),
    'A/s/tm.js': `${ran('tm')}
      var b=document.createElement('script');b.src='${B}/s/tm-child.js';document.head.appendChild(b);
      var a=document.createElement('script');a.src='${A}/s/tm-child-a.js';var first=document.getElementsByTagName('script')[0];first.parentNode.insertBefore(a,first);`,
    'A/s/tm-child-a.js': `${ran('tm-child-a')}document.cookie='_ga_ZOO=GS1.1.1; path=/';`,
    'A/s/u-static.js': ran('u-static'),
    'A/s/u-attr.js': ran('u-attr'),
    'A/s/u-after.js': ran('u-after'),
    'A/s/u-sub.js': ran('u-sub'),
    'A/s/u-fragment.js': ran('u-fragment'),
    // Tracker B (advertising)
    'B/s/m-service.js': `${ran('m-service')}document.cookie='_fbp=fb.1.100; path=/';document.cookie='zb_id=7; path=/';localStorage.setItem('zb_state','x');`,
    'B/s/tm-child.js': `${ran('tm-child')}document.cookie='_gcl_au=1.1.1; path=/';`,
    'B/s/u-append.js': ran('u-append'),
    // Real hostnames, served through routes
    'ga/analytics.js': `${ran('u-ga')}document.cookie='_gid=GA1.1.200; path=/';`,
    'baidu/hm.js': `${ran('u-baidu')}document.cookie='Hm_lvt_zoo=1700000000; path=/';document.cookie='HMACCOUNT=ABC; path=/';`,
    'cnzz/z_stat.php': `${ran('u-cnzz')}document.cookie='CNZZDATA1000=cnzz; path=/';`,
    'fb/fbevents.js': `${ran('u-fb')}document.cookie='_fbc=fb.1.2; path=/';`,
  };
}

/** Real tracker URLs the zoo uses, and the key of what serves them. */
export const REAL_HOSTS: { [prefix: string]: string } = {
  'https://www.google-analytics.com/': 'ga',
  'https://hm.baidu.com/': 'baidu',
  'https://s4.cnzz.com/': 'cnzz',
  'https://connect.facebook.net/': 'fb',
};

export const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
export const frame = (id: string) => `<!doctype html><script>parent.postMessage('frame:${id}','*')</script>`;
