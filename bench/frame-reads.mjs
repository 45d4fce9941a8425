// Why the frame guards read a frame's document, not its window (src/loader/effects/frame-guards.ts): they visit
// every iframe on each mutation batch and each load event of the page. Reading a cross-origin frame's window
// (`contentWindow.Document`) throws; reading its document (`contentDocument`) returns null. This prints what
// each costs in Chromium on a page with 40 cross-origin frames, visited 300 times (one visit per image loaded
// on an ad-heavy page).  node bench/frame-reads.mjs
import http from 'node:http';
import { launchChromium } from './harness/chromium.mjs';

const FRAMES = 40;
const VISITS = 300;
const serve = (body) =>
  new Promise((resolve) => {
    const server = http.createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(body());
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });

const other = await serve(() => '<p>ad</p>');
const frame = () => `<iframe src="http://127.0.0.1:${other.address().port}/"></iframe>`;
const site = await serve(() => `<!doctype html><body>${frame().repeat(FRAMES)}</body>`);
const browser = await launchChromium();
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${site.address().port}/`, { waitUntil: 'load' });
  const figures = await tab.evaluate((visits) => {
    const frames = document.getElementsByTagName('iframe');
    const proto = HTMLIFrameElement.prototype;
    const windowOf = Object.getOwnPropertyDescriptor(proto, 'contentWindow').get;
    const documentOf = Object.getOwnPropertyDescriptor(proto, 'contentDocument').get;
    const time = (visit) => {
      const start = performance.now();
      for (let round = 0; round < visits; round++) for (let i = 0; i < frames.length; i++) visit(frames[i]);
      return performance.now() - start;
    };
    return {
      window: time((frame) => {
        try {
          return windowOf.call(frame).Document.prototype;
        } catch {
          return null;
        }
      }),
      document: time((frame) => documentOf.call(frame)?.defaultView.Document.prototype),
    };
  }, VISITS);
  console.log(`${FRAMES} cross-origin frames, ${VISITS} visits each (${FRAMES * VISITS} reads):`);
  console.log(`  window read (throws):        ${figures.window.toFixed(1)} ms`);
  console.log(`  document read (null):        ${figures.document.toFixed(1)} ms`);
  console.log(`  ratio:                       ${(figures.window / figures.document).toFixed(0)}×`);
} finally {
  await browser.close();
  site.close();
  other.close();
}
