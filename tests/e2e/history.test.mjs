// The portal behaves like a web site (issue #14): each screen is an entry of the browser's
// history with its own address (/#/offers, /#/verify, /#/dashboard, /#/invoices, /#/signup),
// Back and Forward move between the screens (the invoices keep their filter, the plan change
// its contract), a reload shows the same screen (asking to verify again where the lookup
// token, held in memory only, is gone: then the invoices, the plan change), and a signup in
// progress survives Back, Forward and a reload: kept in the tab's sessionStorage, never in
// the address or in storage that outlives the tab; once sent, Back from the confirmation
// starts a new one. On a laptop and on a phone's viewport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, onScreen, waitForState, clickWidget, fillField, screenshot } from './harness.mjs';

const laptop = { width: 1280, height: 800 };
const phone = { width: 360, height: 740, deviceScaleFactor: 3, hasTouch: true, isMobile: true };

const hash = (page) => new URL(page.url()).hash;

async function at(page, screen, address) {
  const state = await onScreen(page, screen);
  await page.waitForFunction((a) => window.location.hash === a, address, { timeout: 5000 })
    .catch(() => assert.fail(`on ${screen} the address is ${page.url()}, not ${address}`));
  return state;
}

async function verifyAsAmina(page) {
  await fillField(page, 'verify_cin', 'AB123456');
  await fillField(page, 'verify_line', '06 12 34 56 78');
  await clickWidget(page, 'button:verify');
}

for (const [name, viewport] of [['laptop', laptop], ['phone', phone]]) {
  test(`${name}: Back, Forward and reload through an existing customer's screens`, { timeout: 180000 }, async (t) => {
    const { server, browser, page } = await startPortal(t, viewport);
    await page.goto(`${server.url}/`);
    await at(page, 'offers', '#/offers');
    await clickWidget(page, 'button:existing_customer');
    await at(page, 'verify', '#/verify');

    await page.goBack();
    await at(page, 'offers', '#/offers'); // not the page before the portal
    await page.goForward();
    await at(page, 'verify', '#/verify');

    await verifyAsAmina(page);
    let state = await at(page, 'dashboard', '#/dashboard');
    assert.equal(state.first_name, 'Amina');
    await clickWidget(page, 'button:invoices');
    await at(page, 'invoices', '#/invoices');
    await clickWidget(page, 'filter:paid');
    await waitForState(page, (s) => s.invoice_filter === 'paid', 'the paid invoices only');
    await page.goBack();
    await at(page, 'dashboard', '#/dashboard');
    await page.goForward();
    state = await at(page, 'invoices', '#/invoices');
    assert.equal(state.invoice_filter, 'paid', 'Forward: the invoices as they were left, filtered');

    // Reloaded: the lookup token was in memory only. Verify again, then the invoices.
    await page.reload();
    state = await at(page, 'verify', '#/invoices');
    assert.equal(state.form.verify_cin, '', 'nothing typed was kept');
    await screenshot(page, `history-${name}-reload-verify`);
    await verifyAsAmina(page);
    state = await at(page, 'invoices', '#/invoices');
    assert.ok(state.invoices.length > 0, 'the invoices, once verified');
    await page.goBack();
    state = await at(page, 'dashboard', '#/dashboard');

    // The plan change: Back, Forward, and a reload, which returns to it once verified again.
    const contract = state.subscriptions[0].contract_id;
    await clickWidget(page, `button:change_plan:${contract}`);
    await at(page, 'plan_change', '#/plan-change');
    await page.goBack();
    await at(page, 'dashboard', '#/dashboard');
    await page.goForward();
    await at(page, 'plan_change', '#/plan-change');
    await page.reload();
    await at(page, 'verify', '#/plan-change');
    await verifyAsAmina(page);
    await at(page, 'plan_change', '#/plan-change');
    await page.goBack();
    await at(page, 'dashboard', '#/dashboard');
    await page.goBack();
    await at(page, 'verify', '#/verify');
    await page.goBack();
    await at(page, 'offers', '#/offers');
    assert.deepEqual(browser.problems, []);
  });

  test(`${name}: a signup in progress survives Back, Forward and a reload`, { timeout: 180000 }, async (t) => {
    const { server, browser, page } = await startPortal(t, viewport);
    await page.goto(`${server.url}/`);
    const offers = await at(page, 'offers', '#/offers');
    const offer = offers.offers.find((o) => o.family === 'internet');
    await clickWidget(page, `offer:${offer.offer_id}`);
    await at(page, 'signup', '#/signup');
    const typed = { cin: 'KL556677', first_name: 'Zoé', last_name: 'N\'Diaye-Østergård', phone: '0611223344' };
    for (const [field, value] of Object.entries(typed)) await fillField(page, field, value);

    const kept = async (what) => {
      const state = await at(page, 'signup', '#/signup');
      assert.equal(state.form.offer_id, offer.offer_id, `${what}: the offer`);
      for (const [field, value] of Object.entries(typed)) assert.equal(state.form[field], value, `${what}: ${field}`);
    };
    await page.goBack();
    await at(page, 'offers', '#/offers');
    await page.goForward();
    await kept('Back then Forward');
    await page.reload();
    await kept('reloaded');
    await screenshot(page, `history-${name}-signup-reloaded`);
    await page.goBack();
    await at(page, 'offers', '#/offers');
    await page.reload();
    await at(page, 'offers', '#/offers');
    await page.goForward();
    await kept('reloaded on the offers, then Forward');

    // Where it is kept: this tab's sessionStorage; never the address, never localStorage.
    const storage = await page.evaluate(() => ({
      session: JSON.stringify(Object.assign({}, window.sessionStorage)),
      local: JSON.stringify(Object.assign({}, window.localStorage)),
    }));
    assert.ok(storage.session.includes('KL556677'), 'the form is in sessionStorage');
    for (const value of Object.values(typed)) {
      assert.ok(!storage.local.includes(value), `${value} not in localStorage`);
      assert.ok(!decodeURIComponent(page.url()).includes(value), `${value} not in the address`);
    }
    assert.equal(hash(page), '#/signup');

    // Sent: the confirmation. Back starts a new signup (the contract is made); a reload on the
    // offers then keeps nothing of the form sent.
    const rest = { email: 'zoe@example.ma', address: '5 rue Atlas, Fès', service_identifier: '0535112233',
                   contract_start_date: '2026-12-10' };
    for (const [field, value] of Object.entries(rest)) await fillField(page, field, value);
    await clickWidget(page, 'button:submit');
    const confirmation = await at(page, 'confirmation', '#/confirmation');
    assert.match(confirmation.contract.contract_number, /^CTR-/);
    await page.goBack();
    let state = await at(page, 'offers', '#/offers');
    assert.equal(state.form.cin, '', 'Back from the confirmation: a new signup');
    await page.reload();
    state = await at(page, 'offers', '#/offers');
    assert.equal(state.form.cin, '', 'nothing of the form sent is kept in the tab');
    assert.deepEqual(browser.problems, []);
  });
}
