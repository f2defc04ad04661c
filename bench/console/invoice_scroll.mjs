// invoice_scroll: the staff console's list of the 100,000 invoices of one billing run,
// scrolled from top to bottom in headless Chromium (issue #13's target: median frame under
// 16 ms, no row shown empty for more than 200 ms).
//
// The data: a --demo database (its staff accounts printed once) plus 100,000 active contracts
// billed for 2026-11 by build/bench/console/invoice_list_seed. The console is signed in to as
// the demo's viewer with real key presses, opens the invoices of 2026-11 and is scrolled with
// real wheel events about once a frame (a steady, fast flick: WHEEL_PX CSS px each)
// until the last row is on screen. Pages are read as they come into view.
//
// Measured in the page: each frame's work (the console's requestAnimationFrame callback:
// Dear ImGui's frame, drawing, the rows' JSON) and the interval between frames; and, from the
// console itself (console/app/paged_list.h), the longest time a row on screen waited for its
// page. The test probe is on (it publishes the visible rows each frame), so the frame work
// is a little pessimistic. Prints the figures and "scroll_median_frame_ms=N" last.
// usage: node bench/console/invoice_scroll.mjs <portal-server> <invoice_list_seed> [contracts=100000]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const harness = path.resolve(here, '..', '..', 'tests', 'e2e');
process.env.PORTAL_SERVER = path.resolve(process.argv[2] || '');
const seedTool = process.argv[3];
const contracts = Number(process.argv[4] || 100000);
if (!process.argv[2] || !seedTool) {
  console.error('usage: node bench/console/invoice_scroll.mjs <portal-server> <invoice_list_seed> [contracts]');
  process.exit(2);
}
const { startServer, openBrowser, tempDir, waitForState, clickWidget } = await import(path.join(harness, 'harness.mjs'));
const { demoStaff, signIn, roleEmail } = await import(path.join(harness, 'console_harness.mjs'));
const { execFileSync } = await import('node:child_process');

const wheelPx = Number(process.env.WHEEL_PX || 12000);
const dir = tempDir('isp-bench-scroll-');
const db = path.join(dir, 'scroll.db');

// 1. The demo database (its staff accounts), then the run's 100,000 invoices.
let server = await startServer({ db });
const staff = demoStaff(server);
await server.stop();
const seeded = execFileSync(seedTool, [db, String(contracts), '2026-11'], { encoding: 'utf8' });
console.log(`data: ${seeded.trim()}`);
server = await startServer({ db });

const browser = await openBrowser({ width: 1280, height: 800 });
try {
  const { page } = browser;
  // Frame work and intervals, recorded only while window.__frames is an array.
  await browser.context.addInitScript(() => {
    window.__frames = null;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => raf((time) => {
      const start = performance.now();
      callback(time);
      if (window.__frames) window.__frames.push([start, performance.now() - start]);
    });
  });
  await page.goto(`${server.url}/staff/`);
  await signIn(page, roleEmail('viewer'), staff[roleEmail('viewer')]);
  await clickWidget(page, 'nav:billing');
  await waitForState(page, (s) => s.place.section === 'billing' && s.busy === '', 'billing');
  const first = await (async () => {
    await clickWidget(page, 'button:invoices');
    await waitForState(page, (s) => s.billing.screen === 'invoices' && s.busy === '', 'the invoices');
    await clickWidget(page, 'field:invoice_period');
    await page.keyboard.type('2026-11', { delay: 40 });
    await page.keyboard.press('Enter');
    return waitForState(page, (s) => s.billing.invoices && s.billing.invoices.filter.includes('period=2026-11') &&
      s.billing.invoices.total > 0 && s.busy === '', 'the invoices of 2026-11', 30000);
  })();
  const total = first.billing.invoices.total;
  // The list fills the screen's lower part down to its bottom: the mouse rests over it.
  const x = 800;
  const y = 740;
  await page.mouse.move(x, y); // Dear ImGui scrolls the list under the mouse

  // 2. Scroll: real wheel events (through the browser's input pipeline, as a mouse's), one
  // about every frame, until the last row is on screen (or 300 s). The page records each
  // frame's work and the rows on screen meanwhile.
  await page.evaluate(() => {
    window.__frames = [];
    window.__samples = []; // [time, first, last, missing]
    const sample = () => {
      if (!window.__samples) return;
      const s = window.portalTest.state;
      const inv = s && s.billing && s.billing.invoices;
      if (inv) window.__samples.push([performance.now(), inv.first, inv.last, inv.missing]);
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  const started = Date.now();
  for (let i = 0; ; ++i) {
    await page.mouse.wheel(0, wheelPx);
    await new Promise((r) => setTimeout(r, 16));
    if (i % 10 === 0) {
      const last = await page.evaluate(() => {
        const s = window.portalTest.state;
        return s && s.billing && s.billing.invoices ? s.billing.invoices.last : -1;
      });
      if (last >= total - 1 || Date.now() - started > 300000) break;
    }
  }
  await new Promise((r) => setTimeout(r, 500)); // the last pages arrive
  const result = await page.evaluate(() => {
    const out = { frames: window.__frames, samples: window.__samples,
                  longest: window.portalTest.state.billing.invoices.longest_empty_ms };
    window.__frames = null;
    window.__samples = null;
    return out;
  });
  result.seconds = (Date.now() - started) / 1000;

  const work = result.frames.map((f) => f[1]).sort((a, b) => a - b);
  const intervals = result.frames.slice(1).map((f, i) => f[0] - result.frames[i][0]).sort((a, b) => a - b);
  const at = (values, q) => values[Math.min(values.length - 1, Math.floor(values.length * q))];
  // The longest stretch of frames with a placeholder row on screen (any row: an upper bound).
  let longestStretch = 0;
  let since = null;
  for (const [time, , , missing] of result.samples) {
    if (missing > 0 && since === null) since = time;
    if (missing === 0 && since !== null) { longestStretch = Math.max(longestStretch, time - since); since = null; }
  }
  const last = result.samples[result.samples.length - 1];
  console.log(`rows: ${total}, scrolled to row ${last[2] + 1} in ${result.seconds.toFixed(1)} s, ` +
              `${result.frames.length} frames, wheel ${wheelPx} px a frame`);
  console.log(`frame work (ms): median ${at(work, 0.5).toFixed(2)}  p95 ${at(work, 0.95).toFixed(2)}  ` +
              `max ${work[work.length - 1].toFixed(2)}   (target: median under 16 ms)`);
  console.log(`frame interval (ms): median ${at(intervals, 0.5).toFixed(2)}  p95 ${at(intervals, 0.95).toFixed(2)}`);
  console.log(`longest wait of a row on screen for its page: ${Number(result.longest).toFixed(0)} ms ` +
              `(console's own measure; target: under 200 ms); longest stretch with any row empty: ` +
              `${longestStretch.toFixed(0)} ms`);
  console.log(`scroll_median_frame_ms=${at(work, 0.5).toFixed(2)}`);
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
