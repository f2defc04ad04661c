// first_frame: how long a customer waits for the portal (issue #6). Headless Chromium
// (Debian's, through playwright-core) on loopback, a fresh browser context per load (no
// cache: a first visit), measures from navigation start to the first frame in which the
// offers are drawn and can be clicked: the portal marks it with the User Timing mark
// "portal:first-interactive-frame" (what real-user monitoring would read too; no test hook
// is enabled, so the portal does no extra work for the measurement). Also when that frame
// is on screen: the next animation frame, which starts once the browser has composited it
// (software GL here). Bytes transferred are the page's own Resource Timing figures
// (compressed bodies plus headers, as served). Nothing is evaluated in the page before that
// frame is on screen: the page reports it on the console, since Playwright's page functions
// (waitForFunction, evaluate) first inject a 300 KB script that would compete with the
// portal's start-up on the page's main thread. Prints each load, the medians, and
// "first_frame_median_ms=N" last.
// usage: node bench/portal/first_frame.mjs <URL> [loads=7] [laptop|phone] [portal|console]
// The staff console (issue #13, at /staff/) is measured the same way: its first interactive
// frame is the sign-in form, marked "console:first-interactive-frame".
// laptop: 1280 x 800 CSS px at pixel ratio 1; phone: 360 x 740 at ratio 3 with touch
// (a 1080 x 2220 canvas, 2.3 times the laptop's pixels).
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const url = process.argv[2];
const loads = Number(process.argv[3] || 7);
const devices = {
  laptop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
};
const device = devices[process.argv[4] || 'laptop'];
const apps = {
  portal: { mark: 'portal:first-interactive-frame', target_bytes: '600 KB' },
  console: { mark: 'console:first-interactive-frame', target_bytes: '450 KB' },
};
const app = apps[process.argv[5] || 'portal'];
if (!url || !device || !app) {
  console.error('usage: node bench/portal/first_frame.mjs <URL> [loads] [laptop|phone] [portal|console]');
  process.exit(2);
}

const mark = app.mark;
// WebUIOmniboxPopup, WebUIOmniboxAimPopup: since Chromium 151 every new browser context
// pre-renders the address bar's popup in a renderer of its own, headless included, which
// took a whole core for the first ~800 ms of each load here (2 cores). It belongs to the
// browser's window, not the page: Puppeteer turns both off by default for the same reason.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'],
});
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const times = [];
const onScreen = [];
let transferred = 0;
try {
  for (let i = 0; i < loads; ++i) {
    const context = await browser.newContext(device);
    // When the mark arrives, the next animation frame tells when that frame was on screen.
    await context.addInitScript((name) => {
      new PerformanceObserver((list) => {
        if (list.getEntriesByName(name).length)
          requestAnimationFrame(() => {
            window.firstOnScreenMs = performance.now();
            console.log('bench:first-frame-on-screen');
          });
      }).observe({ type: 'mark' });
    }, mark);
    const page = await context.newPage();
    const onScreenReported = new Promise((resolve, reject) => {
      page.on('console', (message) => { if (message.text() === 'bench:first-frame-on-screen') resolve(); });
      setTimeout(() => reject(new Error('no first frame within 30 s')), 30000);
    });
    await page.goto(url, { waitUntil: 'commit' });
    await onScreenReported;
    await page.waitForLoadState('networkidle');
    const [ms, shown, bytes] = await page.evaluate((name) => [
      performance.getEntriesByName(name)[0].startTime,
      window.firstOnScreenMs,
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .reduce((sum, e) => sum + e.transferSize, 0),
    ], mark);
    times.push(ms);
    onScreen.push(shown);
    transferred = bytes;
    console.log(`   load ${i + 1}: first interactive frame ${ms.toFixed(0)} ms (on screen ${shown.toFixed(0)} ms), ` +
                `${bytes} bytes transferred`);
    await context.close();
  }
} finally {
  await browser.close();
}
const m = median(times);
console.log(`   median of ${times.length} loads: ${m.toFixed(0)} ms (target: under 500 ms), ` +
            `on screen ${median(onScreen).toFixed(0)} ms; ` +
            `${transferred} bytes (${(transferred / 1024).toFixed(1)} KiB, target: under ${app.target_bytes})`);
console.log(`first_frame_median_ms=${m.toFixed(0)}`);
