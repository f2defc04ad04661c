// Shared harness of the end-to-end tests: starts the real portal-server on a fresh demo
// database, drives Debian's headless Chromium through playwright-core, and reads what the
// canvas-drawn portal shows from window.portalTest (see webapp/ui/test_probe.h). Tests
// click and type with real mouse and keyboard events at the positions the portal reports.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const outputDir = process.env.E2E_OUTPUT_DIR || path.join(repoRoot, 'build', 'test-output', 'e2e');
const serverBinary = process.env.PORTAL_SERVER || path.join(repoRoot, 'build', 'portal-server');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

// The server's clock is fixed so dates typed by the tests stay valid (start date rules).
export const fixedTime = '2026-11-23T10:00:00Z';

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Starts portal-server --demo on an ephemeral port; resolves once it prints its address.
// Options: `fixedTime` (default: the fixed time above; null runs on the real clock, e.g. to
// let tokens expire), `args`, more command-line options (e.g. ['--lookup-token-ttl', '60']),
// and `db`, a database file to use instead of a fresh one: it is kept when the server stops,
// so a second server (e.g. at a later fixed time) can take over what the first one stored.
export async function startServer({ fixedTime: time = fixedTime, args = [], db = null } = {}) {
  if (!fs.existsSync(serverBinary)) throw new Error(`portal-server not found at ${serverBinary} (set PORTAL_SERVER)`);
  const dir = db ? null : tempDir('isp-e2e-db-');
  const clock = time ? ['--fixed-time', time] : [];
  const env = { ...process.env };
  if (!time) delete env.PORTAL_FIXED_TIME; // the real clock means the real clock
  const child = spawn(serverBinary, ['--demo', '--db', db || path.join(dir, 't.db'), '--port', '0', ...clock, ...args],
                      { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s:\n${output}`)), 20000);
    const onData = (chunk) => {
      output += chunk.toString();
      const m = output.match(/listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { output += chunk.toString(); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${output}`)); });
  });
  child.removeAllListeners('exit');
  return {
    url,
    output, // what it printed up to "listening on" (the demo's staff accounts, among others)
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A fresh browser profile per test. The init script asks the portal to publish its state
// (window.portalTest) and keeps WebGL's drawing buffer so screenshots show the canvas.
// `locale`: the browser's language, which the portal follows on a first visit (French by
// default, as most of the operator's customers). `hasTouch` gives the page a touch screen
// (page.touchscreen, CDP touch events) and `isMobile` a phone's viewport handling.
export async function openBrowser({
  width = 1280, height = 800, deviceScaleFactor = 1, locale = 'fr-FR', hasTouch = false, isMobile = false,
} = {}) {
  const profile = tempDir('isp-e2e-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    // Not the address bar's popup pre-rendered in a renderer of its own for each context
    // (Chromium 151+, headless too): a core's worth of work that is not the page's.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'],
    viewport: { width, height },
    deviceScaleFactor,
    locale,
    hasTouch,
    isMobile,
  });
  await context.addInitScript(() => {
    window.portalTest = {};
    // What the page's Content-Security-Policy blocked (csp.test.mjs checks there is nothing).
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI || 'inline'}`));
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, attributes) {
      return getContext.call(this, type, Object.assign({}, attributes, { preserveDrawingBuffer: true }));
    };
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// The usual start of a test: a server (startServer's options) and a browser
// (openBrowser's), both closed when the test `t` ends. Returns both, and the browser's
// page and context.
export async function startPortal(t, browserOptions = {}, serverOptions = {}) {
  const server = await startServer(serverOptions);
  t.after(() => server.stop());
  const browser = await openBrowser(browserOptions);
  t.after(() => browser.close());
  return { server, browser, page: browser.page, context: browser.context };
}

export async function portalState(page) {
  return page.evaluate(() => (window.portalTest && window.portalTest.state) || null);
}

// Polls the published state until `predicate(state)` holds; fails with the last state seen.
export async function waitForState(page, predicate, what, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let state = null;
  for (;;) {
    state = await portalState(page);
    try {
      if (state && predicate(state)) return state;
    } catch { /* state not there yet */ }
    if (Date.now() > deadline) {
      const shown = state ? JSON.stringify({ ...state, widgets: Object.keys(state.widgets || {}) }) : 'none';
      throw new Error(`timed out waiting for ${what}; last state: ${shown}`);
    }
    await new Promise((r) => setTimeout(r, 40));
  }
}

// The state once two reads a few frames apart show every widget at the same place: the first
// frame of a screen can still be laying out (a box sized to its content gets its height a
// frame late), and on a slow phone-sized canvas a tap at a position read then may miss.
export async function settledState(page, what = 'a settled layout', timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const state = await portalState(page);
    const layout = state && state.widgets &&
      JSON.stringify(Object.entries(state.widgets).map(([id, w]) => [id, w.x, w.y, w.w, w.h]).sort());
    if (layout && layout === last) return state;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    last = layout;
  }
}

export const onScreen = (page, screen) => waitForState(page, (s) => s.screen === screen && s.busy === '', `screen ${screen}`);

// Brings a widget into view with the mouse wheel (as a person scrolls), then clicks its centre.
export async function clickWidget(page, id) {
  const viewport = page.viewportSize();
  for (let attempt = 0; attempt < 40; ++attempt) {
    const state = await waitForState(page, (s) => s.widgets[id] && s.widgets[id].enabled, `widget ${id}`);
    const w = state.widgets[id];
    if (w.visible) {
      await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
      return w;
    }
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    const distance = w.y - viewport.height / 3; // > 0: below the fold, < 0: above
    await page.mouse.wheel(0, Math.sign(distance) * Math.min(300, Math.max(100, Math.abs(distance))));
    // Wait for the portal to draw the scrolled frame before reading positions again.
    await waitForState(page, (s) => s.widgets[id] && (s.widgets[id].y !== w.y || s.widgets[id].visible), `scroll to ${id}`, 3000)
      .catch(() => {});
  }
  throw new Error(`could not scroll ${id} into view`);
}

// Clicks a text field, replaces its content by typing, and leaves it with Tab.
export async function fillField(page, name, value) {
  await clickWidget(page, `field:${name}`);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
  await page.keyboard.press('Tab');
  await waitForState(page, (s) => s.form[name] === value, `field ${name} = ${value}`);
}

export async function screenshot(page, name) {
  fs.mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export function pdfText(bytes) {
  const dir = tempDir('isp-e2e-pdf-');
  const file = path.join(dir, 'contract.pdf');
  fs.writeFileSync(file, bytes);
  fs.mkdirSync(outputDir, { recursive: true });
  fs.copyFileSync(file, path.join(outputDir, 'contract.pdf'));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  // Amounts use no-break spaces; compare with plain spaces.
  return text.replace(/[\u00a0\u202f]/g, ' ');
}
