// first_frame: how long a customer waits for the portal (issue #6). Headless Chromium
// (Debian's, through playwright-core) on loopback, a fresh browser context per load (no
// cache: a first visit), measures from navigation start to the first frame in which the
// offers are drawn and can be clicked (the portal publishes its state that frame; the
// page defines window.portalTest so it does), and the bytes transferred (compressed as
// served). Also when that frame is on screen: the next animation frame, which starts once
// the browser has composited it (software GL here). Prints each load, the medians, and
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

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const times = [];
const onScreen = [];
let transferred = 0;
try {
  for (let i = 0; i < loads; ++i) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Records the moment (ms since navigation start) the offers screen is first published.
    await context.addInitScript(() => {
      let state;
      window.portalTest = {};
      Object.defineProperty(window.portalTest, 'state', {
        get() { return state; },
        set(s) {
          state = s;
          if (window.firstInteractiveMs === undefined && s && s.screen === 'offers' && s.busy === '') {
            window.firstInteractiveMs = performance.now();
            requestAnimationFrame(() => { window.firstOnScreenMs = performance.now(); });
          }
        },
      });
    });
    const page = await context.newPage();
    let bytes = 0;
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => null);
      if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.firstOnScreenMs !== undefined, null, { timeout: 30000, polling: 10 });
    const [ms, shown] = await page.evaluate(() => [window.firstInteractiveMs, window.firstOnScreenMs]);
    await page.waitForLoadState('networkidle');
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
times.sort((a, b) => a - b);
onScreen.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const medianOnScreen = onScreen[Math.floor(onScreen.length / 2)];
console.log(`   median of ${times.length} loads: ${median.toFixed(0)} ms (target: under 500 ms), ` +
            `on screen ${medianOnScreen.toFixed(0)} ms; ` +
            `${transferred} bytes (${(transferred / 1024).toFixed(1)} KiB, target: under 600 KB)`);
console.log(`first_frame_median_ms=${median.toFixed(0)}`);
