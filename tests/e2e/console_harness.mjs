// What the staff console's end-to-end tests share (on top of harness.mjs): the demo's staff
// accounts as the server prints them at start, signing in through the console's own form
// with real key presses, the staff API called from the test with a session of its own (to
// set things up or check what the console did), and TOTP codes computed as an authenticator
// app does (RFC 6238: HMAC-SHA-1, 30 s steps, 6 digits).
import crypto from 'node:crypto';
import assert from 'node:assert/strict';
import { startPortal, waitForState, settledState, portalState, clickWidget, screenshot } from './harness.mjs';

// {email: password} of the demo database's staff accounts, read from the server's output
// ("demo staff sign-in: <email> password <password> (demo only)").
export function demoStaff(server) {
  const accounts = {};
  for (const m of server.output.matchAll(/demo staff sign-in: (\S+) password (\S+)/g)) accounts[m[1]] = m[2];
  return accounts;
}

export const roleEmail = (role) => `${role}@demo.example`;

// A server and a browser on /staff/, with the demo accounts; closed when `t` ends.
export async function startConsole(t, browserOptions = {}, serverOptions = {}) {
  const started = await startPortal(t, browserOptions, serverOptions);
  const staff = demoStaff(started.server);
  assert.ok(staff[roleEmail('admin')], `the demo prints its staff accounts:\n${started.server.output}`);
  await started.page.goto(`${started.server.url}/staff/`);
  return { ...started, staff };
}

export const atPlace = (page, section, what = section) =>
  waitForState(page, (s) => s.phase === 'signed_in' && s.place.section === section && s.busy === '', `place ${what}`);

// Clicks a text field and types `value` into it with real key presses (replacing its text).
// Fields a section lists under the state's "form" are read back: a click that landed while
// the dialog was still laying itself out is tried again.
export async function typeInto(page, name, value) {
  for (let attempt = 0; ; ++attempt) {
    await settledState(page, `the layout around field ${name}`);
    await clickWidget(page, `field:${name}`);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    // No delay between keys, as the portal's harness types: the typed input's queue keeps
    // every key of a burst (webapp/platform/typed_input.h).
    await page.keyboard.type(value);
    const state = await portalState(page);
    if (!state.form || !(name in state.form)) return;
    try {
      await waitForState(page, (s) => s.form[name] === value, `field ${name} = ${value}`, 3000);
      return;
    } catch (e) {
      if (attempt >= 2) throw e;
    }
  }
}

// Signs in through the console's form: e-mail, password, Enter; then the code if asked.
export async function signIn(page, email, password, { totp = null } = {}) {
  await waitForState(page, (s) => s.screen === 'sign_in' && s.sign_in.stage === 'credentials', 'the sign-in form');
  await typeInto(page, 'email', email);
  await typeInto(page, 'password', password);
  await page.keyboard.press('Enter');
  if (totp) {
    await waitForState(page, (s) => s.sign_in && s.sign_in.stage === 'second_factor', 'the code stage');
    await typeInto(page, 'totp_code', typeof totp === 'function' ? totp() : totp);
    await page.keyboard.press('Enter');
  }
  return waitForState(page, (s) => s.phase === 'signed_in' && s.busy === '', `signed in as ${email}`);
}

// The staff API with a session of the test's own (cookie, CSRF token and Origin as a browser sends).
export async function apiSession(server, email, password, extra = {}) {
  const res = await fetch(`${server.url}/api/v1/staff/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ email, password, ...extra }),
  });
  assert.equal(res.status, 200, `API sign-in of ${email}: ${await res.clone().text()}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await res.json();
  const call = async (method, path, body) => {
    const headers = { Cookie: cookie, Accept: 'application/json' };
    if (method !== 'GET') Object.assign(headers, { Origin: server.url, 'X-CSRF-Token': csrf });
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(`${server.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
  return { cookie, csrf, call };
}

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

// The code an authenticator shows for `secret` (base32) at `unixSeconds`.
export function totpCode(secret, unixSeconds) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = crypto.createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return String(value).padStart(6, '0');
}

export { screenshot };
