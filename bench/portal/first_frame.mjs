// first_frame: how long a customer waits for the portal (issue #6). Headless Chromium
// (Debian's, through playwright-core) on loopback, a fresh browser context per load (no
// cache: a first visit), measures from navigation start to the first frame in which the
// offers are drawn and can be clicked: the portal marks it with the User Timing mark
// "portal:first-interactive-frame" (what real-user monitoring would read too; no test hook
// is enabled, so the portal does no extra work for the measurement). Also when that frame
// is on screen: the next animation frame, which starts once the browser has composited it
// (software GL here). Bytes transferred are the page's own Resource Timing figures
// (compressed bodies plus headers, as served). Prints each load, the medians, and
// "first_frame_median_ms=N" last.
// usage: node bench/portal/first_frame.mjs <portal URL> [loads=7]
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const url = process.argv[2];
const loads = Number(process.argv[3] || 7);
if (!url) {
  console.error('usage: node bench/portal/first_frame.mjs <portal URL> [loads]');
  process.exit(2);
}

const mark = 'portal:first-interactive-frame';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const times = [];
const onScreen = [];
let transferred = 0;
try {
  for (let i = 0; i < loads; ++i) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // When the mark arrives, the next animation frame tells when that frame was on screen.
    await context.addInitScript((name) => {
      new PerformanceObserver((list) => {
        if (list.getEntriesByName(name).length)
          requestAnimationFrame(() => { window.firstOnScreenMs = performance.now(); });
      }).observe({ type: 'mark' });
    }, mark);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.firstOnScreenMs !== undefined, null, { timeout: 30000, polling: 50 });
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
            `${transferred} bytes (${(transferred / 1024).toFixed(1)} KiB, target: under 600 KB)`);
console.log(`first_frame_median_ms=${m.toFixed(0)}`);
