// Issue #2, end to end: offers -> details typed into every field -> draft saved -> page
// reloaded from the draft link -> submit -> contract number -> contract PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startPortal, onScreen, waitForState, clickWidget, fillField, screenshot, pdfText,
} from './harness.mjs';

const person = {
  cin: 'JK246810',
  first_name: 'Karim',
  last_name: 'Alaoui',
  phone: '0661002003',
  email: 'karim.alaoui@example.ma',
  address: '12 rue des Orangers, Rabat',
  service_identifier: '0677001122',
  contract_start_date: '2026-12-15',
};

test('a new customer signs up, saves a draft, resumes it and gets the contract PDF', { timeout: 180000 }, async (t) => {
  const { server, browser, page, context } = await startPortal(t, { width: 1280, height: 800 });

  await page.goto(`${server.url}/`);
  let state = await onScreen(page, 'offers');
  assert.equal(state.language, 'fr', 'French is the default language');
  assert.ok(state.operator && state.operator.length > 0, 'operator name shown');
  for (const family of ['mobile', 'internet', 'landline'])
    assert.ok(state.offers.some((o) => o.family === family), `an offer of family ${family}`);
  await screenshot(page, '01-offers');

  const offer = state.offers.find((o) => o.family === 'mobile');
  await clickWidget(page, `offer:${offer.offer_id}`);
  state = await onScreen(page, 'signup');
  assert.equal(state.form.offer_id, offer.offer_id);

  for (const [field, value] of Object.entries(person)) await fillField(page, field, value);
  await clickWidget(page, 'commitment:12');
  state = await waitForState(page, (s) => s.form.commitment_months === 12, 'commitment 12 months');
  assert.deepEqual(state.errors, {}, 'no field error for valid input');
  await screenshot(page, '02-details-filled');

  // Save a draft: the link appears and goes into the address bar.
  await clickWidget(page, 'button:save_draft');
  state = await waitForState(page, (s) => s.draft_id !== '' && s.busy === '', 'draft saved');
  assert.match(state.draft_id, /^drf_/);
  assert.equal(state.draft_link, `${server.url}/?draft=${state.draft_id}`);
  assert.equal(page.url(), `${state.draft_link}#/signup`, 'draft link in the address bar, before the screen\'s address');
  await screenshot(page, '03-draft-saved');

  // A new page load from the link restores the form.
  await page.goto(state.draft_link);
  state = await onScreen(page, 'signup');
  for (const [field, value] of Object.entries(person)) assert.equal(state.form[field], value, `${field} restored`);
  assert.equal(state.form.offer_id, offer.offer_id);
  assert.equal(state.form.commitment_months, 12);
  await screenshot(page, '04-draft-restored');

  await clickWidget(page, 'button:submit');
  state = await onScreen(page, 'confirmation');
  assert.match(state.contract.contract_number, /^CTR-2026-\d{6}$/);
  assert.ok(!page.url().includes('draft='), 'the used draft link leaves the address bar');
  await screenshot(page, '05-confirmation');

  // The download button opens the signed document link in a new tab.
  const opened = context.waitForEvent('page');
  await clickWidget(page, 'button:download');
  const tab = await opened;
  await tab.waitForURL(/\/document\?token=/, { waitUntil: 'commit' }).catch(() => {});
  const documentUrl = new URL(state.contract.document_download_url, server.url).href;
  assert.equal(tab.url(), documentUrl, 'the tab opened the document link');
  const response = await page.request.get(documentUrl);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /application\/pdf/);
  const body = await response.body();
  assert.equal(body.subarray(0, 5).toString(), '%PDF-');

  const text = pdfText(body);
  for (const expected of [person.first_name, person.last_name, person.cin, offer.name])
    assert.ok(text.includes(expected), `PDF mentions ${expected}`);
  // Price and date formats belong to the PDF; accept its French forms.
  const bootstrap = await (await page.request.get(`${server.url}/api/v1/landing/bootstrap`)).json();
  const catalogOffer = bootstrap.families.flatMap((f) => f.offers).find((o) => o.offer_id === offer.offer_id);
  const amount = (minor) => `${Math.floor(minor / 100).toLocaleString('fr-FR').replace(/\s/g, ' ')},${String(minor % 100).padStart(2, '0')}`;
  const prices = [catalogOffer.monthly_price.amount_minor, catalogOffer.monthly_price_with_tax.amount_minor].map(amount);
  assert.ok(prices.some((p) => text.includes(p)), `PDF shows the monthly price (${prices.join(' or ')})`);
  // The contract spells the date out in the client's language ("15 décembre 2026").
  assert.match(text, /15\s+d[ée]cembre\s+2026|2026-12-15|15\/12\/2026/, 'PDF shows the start date');
  assert.deepEqual(browser.problems, []);
});
