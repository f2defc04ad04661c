// semantics_frames: what the screen-reader semantics tree and its DOM mirror cost each frame
// (issue #14's target: at most 1 ms per frame on the biggest screen). The portal's invoices
// screen (Youssef, demo billing history: the chart, three invoices, their lines opened) in
// headless Chromium at 1280 x 800, loaded alternately with the tree on (/) and off
// (/?semantics=off, webapp/ui/semantics_recorder.h) in the same browser and server, ROUNDS
// times each (default 3). In each load, FRAMES frames (default 300) are measured idle (the tree
// is built and diffed; nothing changes in the DOM), then FRAMES while scrolled by the wheel
// every frame (every node's box changes: the mirror's worst case). A frame's work is the
// portal's requestAnimationFrame callback (Dear ImGui's frame, drawing, the tree, the mirror).
// The test probe is on in both (it is how the screen is reached), so both carry its cost.
// Prints the medians and p95 side by side, and "semantics_idle_cost_ms=N" and
// "semantics_scroll_cost_ms=N" last (median on minus median off).
// usage: node bench/portal/semantics_frames.mjs <portal-server> [rounds=3] [frames=300]
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const harness = path.resolve(here, '..', '..', 'tests', 'e2e');
process.env.PORTAL_SERVER = path.resolve(process.argv[2] || '');
if (!process.argv[2]) {
  console.error('usage: node bench/portal/semantics_frames.mjs <portal-server> [rounds] [frames]');
  process.exit(2);
}
const rounds = Number(process.argv[3] || 3);
const frames = Number(process.argv[4] || 300);
const { startServer, openBrowser, onScreen, clickWidget, fillField, waitForState } =
  await import(path.join(harness, 'harness.mjs'));

const server = await startServer();
const browser = await openBrowser({ width: 1280, height: 800 });
const results = { on: { idle: [], scroll: [] }, off: { idle: [], scroll: [] } };
try {
  const { page } = browser;
  await browser.context.addInitScript(() => {
    window.__frames = null;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => raf((time) => {
      const start = performance.now();
      callback(time);
      if (window.__frames) window.__frames.push(performance.now() - start);
    });
  });
  const measure = async (count, scroll) => {
    await page.evaluate(() => { window.__frames = []; });
    await page.mouse.move(640, 500);
    for (let wait = 0; ; wait += 50) {
      if (scroll) await page.mouse.wheel(0, wait % 400 < 200 ? 120 : -120);
      await new Promise((r) => setTimeout(r, scroll ? 16 : 50));
      const n = await page.evaluate(() => window.__frames.length);
      if (n >= count) break;
    }
    return page.evaluate(() => { const f = window.__frames; window.__frames = null; return f; });
  };
  for (let round = 0; round < rounds; ++round) {
    for (const mode of round % 2 === 0 ? ['on', 'off'] : ['off', 'on']) {
      await page.goto(`${server.url}/${mode === 'off' ? '?semantics=off' : ''}`);
      await onScreen(page, 'offers');
      await clickWidget(page, 'button:existing_customer');
      await onScreen(page, 'verify');
      await fillField(page, 'verify_cin', 'BE654321');
      await fillField(page, 'verify_line', '05 35 12 34 56');
      await clickWidget(page, 'button:verify');
      await onScreen(page, 'dashboard');
      await clickWidget(page, 'button:invoices');
      const state = await onScreen(page, 'invoices');
      for (const i of state.invoices) {
        await clickWidget(page, `button:details:${i.invoice_id}`);
        await waitForState(page, (s) => s.expanded_invoice === i.invoice_id, 'details open');
      }
      const mirrored = await page.evaluate(() => document.querySelectorAll('#semantics *').length);
      results[mode].idle.push(...await measure(frames, false));
      results[mode].scroll.push(...await measure(frames, true));
      console.log(`round ${round + 1} ${mode}: ${mirrored} mirrored elements`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}

const sorted = (v) => [...v].sort((a, b) => a - b);
const at = (v, q) => sorted(v)[Math.min(v.length - 1, Math.floor(v.length * q))];
const ms = (x) => x.toFixed(3).padStart(8);
console.log(`frame work (ms), ${rounds} loads x ${frames} frames each     tree on   tree off`);
for (const kind of ['idle', 'scroll'])
  for (const [label, q] of [['median', 0.5], ['p95', 0.95]])
    console.log(`  ${kind.padEnd(7)} ${label.padEnd(7)}                              ${ms(at(results.on[kind], q))} ${ms(at(results.off[kind], q))}`);
console.log(`semantics_idle_cost_ms=${(at(results.on.idle, 0.5) - at(results.off.idle, 0.5)).toFixed(3)}`);
console.log(`semantics_scroll_cost_ms=${(at(results.on.scroll, 0.5) - at(results.off.scroll, 0.5)).toFixed(3)}`);
