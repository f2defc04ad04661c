// The staff console's doors: signing in with a password and an authenticator's code (the
// account enrolled through the API first, as an admin would from another device), signing
// out, what a read-only viewer is offered, and a session that ends in the middle of the work:
// the console asks to sign in again and returns to the same screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedTime, waitForState, clickWidget } from './harness.mjs';
import { startConsole, signIn, apiSession, totpCode, roleEmail, atPlace, screenshot } from './console_harness.mjs';

const now = Date.parse(fixedTime) / 1000; // the server's fixed clock: TOTP steps follow it

test('an admin with an authenticator signs in with its code, and signs out', { timeout: 120000 }, async (t) => {
  const { server, page, staff } = await startConsole(t);
  const email = roleEmail('admin');
  // Enrolment, through the API: the first code confirms it (the step before "now", which the
  // server still accepts), so the console's sign-in below uses a code not used yet.
  const admin = await apiSession(server, email, staff[email]);
  const enrolment = await admin.call('POST', '/staff/me/totp', { password: staff[email] });
  assert.equal(enrolment.status, 200, JSON.stringify(enrolment.body));
  const confirmed = await admin.call('POST', '/staff/me/totp/confirm', { code: totpCode(enrolment.body.secret, now - 30) });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));

  await screenshot(page, 'console-01-sign-in');
  await waitForState(page, (s) => s.screen === 'sign_in', 'the sign-in form');
  const state = await signIn(page, email, staff[email], { totp: totpCode(enrolment.body.secret, now) });
  assert.equal(state.place.section, 'today');
  assert.deepEqual(state.sections, ['today', 'customers', 'contracts', 'offers', 'billing', 'payments', 'collections', 'staff_accounts']);
  await screenshot(page, 'console-02-today');

  await clickWidget(page, 'button:sign_out');
  await waitForState(page, (s) => s.screen === 'sign_in' && s.phase === 'signed_out', 'signed out');
  // The session is gone at the server too: a reload does not sign back in.
  await page.reload();
  await waitForState(page, (s) => s.screen === 'sign_in', 'the sign-in form after a reload');
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
