// The staff console's doors: two-step sign-in set up in "My account" (its QR code read off the
// canvas by zbarimg, the first code typed, the recovery codes shown, new ones made), then signing in with a
// password and the authenticator's code, signing out, what a read-only viewer is offered, and a session that ends in the middle of the work:
// the console asks to sign in again and returns to the same screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fixedTime, outputDir, waitForState, settledState, clickWidget } from './harness.mjs';
import { startConsole, signIn, typeInto, totpCode, roleEmail, atPlace, screenshot } from './console_harness.mjs';

const now = Date.parse(fixedTime) / 1000; // the server's fixed clock: TOTP steps follow it

test('an admin sets up two-step sign-in in My account by scanning its QR code, signs out, and signs in with its code', { timeout: 120000 }, async (t) => {
  const { page, staff } = await startConsole(t);
  const email = roleEmail('admin');
  await screenshot(page, 'console-01-sign-in');
  const state = await signIn(page, email, staff[email]);
  assert.equal(state.place.section, 'today');
  assert.deepEqual(state.sections, ['today', 'customers', 'contracts', 'offers', 'billing', 'payments', 'collections', 'staff_accounts']);
  await screenshot(page, 'console-02-today');

  // My account, from the name in the top bar. "Set up" asks the password first.
  await clickWidget(page, 'button:my_account');
  await atPlace(page, 'account');
  await clickWidget(page, 'button:totp_set_up');
  await waitForState(page, (s) => s.my_account.stage === 'set_up_password', 'the password dialog');
  await typeInto(page, 'totp_password', staff[email]);
  await page.keyboard.press('Enter');

  // The QR code as drawn on the canvas, read by zbarimg as a phone's camera would.
  await waitForState(page, (s) => s.my_account.stage === 'scan' && s.busy === '' && s.widgets.qr_code, 'the QR code');
  const { widgets } = await settledState(page, 'the QR dialog laid out');
  const qr = widgets.qr_code;
  fs.mkdirSync(outputDir, { recursive: true });
  const shot = path.join(outputDir, 'console-04-totp-qr.png');
  await page.screenshot({ path: shot, clip: { x: qr.x, y: qr.y, width: qr.w, height: qr.h } });
  const uri = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', shot], { encoding: 'utf8' }).trim();
  assert.match(uri, /^otpauth:\/\/totp\/[^?]+\?secret=[A-Z2-7]+&/);
  assert.ok(decodeURIComponent(uri).includes(email), uri);
  const secret = new URL(uri).searchParams.get('secret');

  // The first code (of the step before the server's "now", which it still accepts: the
  // sign-in below then uses a code not used yet), Enter, the recovery codes once.
  await typeInto(page, 'totp_code', totpCode(secret, now - 30));
  await page.keyboard.press('Enter');
  await waitForState(page, (s) => s.my_account.stage === 'recovery_codes' && s.my_account.recovery_code_count === 10,
    'the recovery codes');
  await screenshot(page, 'console-05-recovery-codes');
  // Esc closes the dialog (as "I have kept them safe" does): the codes are gone from the page.
  await page.keyboard.press('Escape');
  const enrolled = await waitForState(page, (s) => s.my_account.stage === 'idle' && s.my_account.second_factor, 'enrolled');
  assert.equal(enrolled.my_account.recovery_code_count, 0);

  // Codes lost: new ones, with the password and the app's current code; the old ones stop.
  await clickWidget(page, 'button:new_recovery_codes');
  await waitForState(page, (s) => s.my_account.stage === 'new_codes', 'the new recovery codes dialog');
  await typeInto(page, 'totp_password', staff[email]);
  await typeInto(page, 'totp_code', totpCode(secret, now));
  await clickWidget(page, 'button:new_codes_confirm');
  await waitForState(page, (s) => s.my_account.stage === 'recovery_codes' && s.my_account.recovery_code_count === 10,
    'the new recovery codes');
  await clickWidget(page, 'button:codes_kept');
  await waitForState(page, (s) => s.my_account.stage === 'idle' && /anciens/.test(s.notice), 'the old codes void');

  await clickWidget(page, 'button:sign_out');
  await waitForState(page, (s) => s.screen === 'sign_in' && s.phase === 'signed_out', 'signed out');
  // The session is gone at the server too: a reload does not sign back in.
  await page.reload();
  await waitForState(page, (s) => s.screen === 'sign_in', 'the sign-in form after a reload');
  // The password alone no longer signs in: the authenticator's code is asked for.
  // (The next step's code: the server's clock is fixed, and each step is accepted once.)
  const back = await signIn(page, email, staff[email], { totp: totpCode(secret, now + 30) });
  assert.equal(back.place.section, 'today');
});

test('a wrong password is refused with the server\'s words, and nothing else is shown', { timeout: 60000 }, async (t) => {
  const { page } = await startConsole(t);
  await waitForState(page, (s) => s.screen === 'sign_in', 'the sign-in form');
  await clickWidget(page, 'field:email');
  await page.keyboard.type(roleEmail('ops'));
  await clickWidget(page, 'field:password');
  await page.keyboard.type('not the password at all');
  await page.keyboard.press('Enter');
  const refused = await waitForState(page, (s) => s.notice !== '' && s.busy === '', 'the refusal');
  assert.equal(refused.phase, 'signed_out');
  assert.match(refused.notice, /mot de passe/i);
});

test('ops sees no staff accounts; a session that ends returns to sign-in, then to the same screen', { timeout: 120000 }, async (t) => {
  const { page, context, server, staff } = await startConsole(t);
  const email = roleEmail('ops');
  const state = await signIn(page, email, staff[email]);
  assert.ok(!state.sections.includes('staff_accounts'));
  assert.ok(!Object.keys(state.widgets).includes('nav:staff_accounts'));

  await clickWidget(page, 'nav:offers');
  await atPlace(page, 'offers');
  // The session ends underneath (signed out from elsewhere: the browser's own cookie, used
  // by the test to sign that session out).
  const cookie = (await context.cookies()).find((c) => c.name === 'staff_session');
  const me = await (await fetch(`${server.url}/api/v1/me`, { headers: { Cookie: `staff_session=${cookie.value}` } })).json();
  const out = await fetch(`${server.url}/api/v1/staff/session`, {
    method: 'DELETE',
    headers: { Cookie: `staff_session=${cookie.value}`, Origin: server.url, 'X-CSRF-Token': me.csrf_token },
  });
  assert.equal(out.status, 204);

  await clickWidget(page, 'nav:customers');
  const asked = await waitForState(page, (s) => s.screen === 'sign_in', 'the sign-in form after the session ended');
  assert.match(asked.notice, /session/i);
  await screenshot(page, 'console-03-session-ended');
  const back = await signIn(page, email, staff[email]);
  assert.equal(back.place.section, 'customers');
});
