// What the person sees when input is wrong: the portal's own check as they type (shared
// rules, in their language), and the server's refusals (existing client's CIN, a line
// already under contract) next to the field concerned, with everything typed kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, onScreen, waitForState, clickWidget, fillField, screenshot } from './harness.mjs';

test('invalid input is flagged inline and server refusals show next to the field', { timeout: 180000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 });

  await page.goto(`${server.url}/`);
  let state = await onScreen(page, 'offers');
  const offer = state.offers.find((o) => o.family === 'mobile');
  await clickWidget(page, `offer:${offer.offer_id}`);
  await onScreen(page, 'signup');

  // The portal's own check (shared/ check_signup) once the field is left.
  await fillField(page, 'cin', '12AB');
  state = await waitForState(page, (s) => s.errors.cin, 'inline CIN error');
  assert.match(state.errors.cin, /CIN invalide/);
  assert.equal(Object.keys(state.errors).length, 1, 'untouched fields show no error yet');
  // Screen readers hear it: the message is mirrored into the page's ARIA live region.
  await page.waitForFunction(() => /CIN invalide/.test(document.getElementById('live').textContent));
  assert.equal(await page.getAttribute('#live', 'aria-live'), 'polite');
  await screenshot(page, '10-inline-error-fr');
  await clickWidget(page, 'lang:en');
  state = await waitForState(page, (s) => s.language === 'en' && /Invalid CIN/.test(s.errors.cin || ''), 'English message');
  await screenshot(page, '11-inline-error-en');
  await clickWidget(page, 'lang:fr');
  await waitForState(page, (s) => s.language === 'fr', 'back to French');

  // A CIN that already belongs to a demo client: the server refuses (409).
  const details = {
    cin: 'AB123456', first_name: 'Salma', last_name: 'Berrada', phone: '0662003004',
    email: 'salma.berrada@example.ma', address: '5 avenue Mohammed V, Rabat',
    service_identifier: '0677334455', contract_start_date: '2026-12-15',
  };
  for (const [field, value] of Object.entries(details)) await fillField(page, field, value);
  await waitForState(page, (s) => Object.keys(s.errors).length === 0, 'no client-side error');
  await clickWidget(page, 'button:submit');
  state = await waitForState(page, (s) => s.busy === '' && s.errors.cin && s.notice, 'server refusal of the CIN');
  assert.equal(state.screen, 'signup');
  for (const [field, value] of Object.entries(details)) assert.equal(state.form[field], value, `${field} kept`);
  await screenshot(page, '12-server-rejects-cin');

  // A new CIN, but a line that already has a contract in the demo data.
  await fillField(page, 'cin', 'QZ778899');
  state = await waitForState(page, (s) => !s.errors.cin, 'CIN error cleared by editing');
  await fillField(page, 'service_identifier', '0612345678');
  await clickWidget(page, 'button:submit');
  state = await waitForState(page, (s) => s.busy === '' && s.errors.service_identifier, 'server refusal of the line');
  assert.equal(state.screen, 'signup');
  assert.equal(state.form.cin, 'QZ778899');
  await screenshot(page, '13-server-rejects-line');
  assert.deepEqual(browser.problems, []);
});
