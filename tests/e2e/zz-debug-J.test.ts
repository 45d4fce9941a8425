import { it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { startServer } from './helpers/server';
it('debug', async () => {
  const browser = await launchChromium(); const server = await startServer();
  const CONFIG = { services: [ { id: 'own-replay', category: 'analytics', name: 'Replay', storage: [{ key: 'rec_*' }, { key: 'recDb', type: 'indexeddb' }] } ] };
  server.page('/p', `<!doctype html><html><head><script src="/dist/consentry.min.js"></script><script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script><script>
window.__log = [];
window.openDb = function (name) {
  return new Promise(function (settle) {
    var request = indexedDB.open(name, 1);
    request.onupgradeneeded = function () { request.result.createObjectStore('events'); __log.push(name + ':upgrade'); };
    request.onsuccess = function () { __log.push(name + ':success'); settle(); };
    request.onerror = function () { __log.push(name + ':error ' + (request.error && request.error.name)); settle(); };
  });
};
localStorage.setItem('rec_1', '1');
localStorage['mp_assigned'] = '1';
openDb('recDb');
</script></head><body></body></html>`);
  server.page('/q', `<!doctype html><html><head><script src="/dist/consentry.min.js"></script><script type="application/json" id="consentry-config">{"services":[{"id":"r","category":"analytics","storage":[{"key":"rec_*"}]}]}</script><script>localStorage.setItem('rec_1','1');localStorage.mp_a='1';</script></head><body></body></html>`);
  const page = await browser.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(server.origin + '/p');
  await page.waitForTimeout(1000);
  console.log(await page.evaluate(() => [Object.keys(localStorage), JSON.stringify(window.Consentry?.get()), JSON.stringify(window.Consentry?.settings?.services)]));
  await browser.close(); await server.close();
});
