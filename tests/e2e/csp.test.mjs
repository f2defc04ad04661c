// The apps run under a Content-Security-Policy that allows their own script and WebAssembly
// and nothing else: no 'unsafe-inline' (the page shells' inline blocks are allowed by their
// hash), no eval, no framing. The portal and the console are used as a person would, and the
// browser reports no violation; an inline script the shell does not carry would be blocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, onScreen, clickWidget, waitForState } from './harness.mjs';
import { signIn, roleEmail, demoStaff, atPlace } from './console_harness.mjs';

const violations = (page) => page.evaluate(() => window.cspViolations);

test('portal and console run under their CSP with no violation; injected inline script is blocked', { timeout: 120000 }, async (t) => {
  const { server, page } = await startPortal(t);
  const shell = await page.goto(`${server.url}/`);
  const policy = shell.headers()['content-security-policy'];
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.match(policy, /frame-ancestors 'none'/);
  assert.equal(shell.headers()['referrer-policy'], 'no-referrer');
  await onScreen(page, 'offers');
  await clickWidget(page, 'button:existing_customer');
  await onScreen(page, 'verify');
  assert.deepEqual(await violations(page), [], 'the portal');

  // What an injected inline script would meet: blocked, and reported.
  const ran = await page.evaluate(() => {
    window.injectedRan = false;
    const s = document.createElement('script');
    s.textContent = 'window.injectedRan = true;';
    document.body.appendChild(s);
    return window.injectedRan;
  });
  assert.equal(ran, false);
  assert.equal((await violations(page)).length, 1, JSON.stringify(await violations(page)));

  const staff = demoStaff(server);
  const console_ = await page.goto(`${server.url}/staff/`);
  assert.match(console_.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  await signIn(page, roleEmail('ops'), staff[roleEmail('ops')]);
  await clickWidget(page, 'nav:customers');
  await atPlace(page, 'customers');
  await waitForState(page, (s) => s.customers && s.customers.ids.length > 0 && s.busy === '', 'the customers list');
  assert.deepEqual(await violations(page), [], 'the console');
});
