// The portal without a mouse, and in the person's own language.
// * Keyboard only: a new customer goes from the offers to a contract with Tab, Space and
//   Enter (Tab reaches an offer's choose button, Enter chooses it, Tab walks the fields in
//   order, Space picks the commitment, Enter in a field sends the form), and an existing
//   customer reaches the identity check from the offers and verifies with Enter.
// * Enter in a text field sends its form, wherever the focus came from: the signup (fields
//   filled with the keyboard after choosing the offer with the mouse), the identity check,
//   the plan change date (confirms the change).
// * Language: on a first visit the portal follows the browser (navigator.languages: the
//   first of fr/en, French otherwise); the FR/EN switch is remembered by the browser and
//   wins over the browser's language on the next visit.
// Everything goes through real key presses and clicks; `focused` in the published widgets
// is where Tab and Enter act (keyboard focus, or the text field being edited).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startPortal, onScreen, waitForState, portalState, clickWidget, settledState, screenshot,
} from './harness.mjs';
import { ringProfile, assertRing } from './focus_ring.mjs';
import { documentOpened } from './screen_reader.mjs';

const signupFields = ['cin', 'first_name', 'last_name', 'phone', 'email', 'address', 'service_identifier',
                      'contract_start_date'];

const focusedIds = (state) => Object.entries(state.widgets).filter(([, w]) => w.focused).map(([id]) => id);
const focusName = (state) => focusedIds(state).join('+') || '(nothing)';

// Presses `key` until the widget `id` has the focus, at most `max` times (none when it has
// it already); fails with the places the focus went through. Each press waits for the
// portal to draw the moved focus.
// With `ring` set, also checks that the focus ring is drawn around `id` once it has the focus
// and was not before (focus_ring.mjs).
async function pressUntilFocused(page, key, id, max, { ring = false } = {}) {
  const trail = [];
  let state = await portalState(page);
  const check = ring && state.widgets[id] && !state.widgets[id].focused;
  const box = check && (await settledState(page, `the layout before focusing ${id}`)).widgets[id];
  const before = check && await ringProfile(page, box);
  const checkRing = async () => {
    if (!check) return;
    const now = (await settledState(page, `${id} focused and laid out`)).widgets[id];
    const moved = now.x !== box.x || now.y !== box.y; // scrolled into view by the focus
    assertRing(id, moved ? null : before, await ringProfile(page, now));
  };
  if (state.widgets[id] && state.widgets[id].focused && focusedIds(state).length === 1) return { state, presses: 0 };
  for (let press = 1; press <= max; ++press) {
    const before = focusName(state);
    await page.keyboard.press(key);
    state = await waitForState(page, (s) => focusName(s) !== before, `focus to move on ${key}`, 600)
      .catch(() => portalState(page));
    trail.push(focusName(state));
    if (state.widgets[id] && state.widgets[id].focused) {
      await checkRing();
      return { state, presses: press };
    }
  }
  throw new Error(`${max} presses of ${key} did not focus ${id} on screen ${state.screen}; ` +
                  `the focus went: ${trail.join(', ')}`);
}

// On the signup screen, with the keyboard only: Tab to the first field, then from field to
// field (one Tab each, in the form's order), typing each value; Tab on to the commitment
// radio buttons and Space on `months`; Shift+Tab back into the last field and Enter.
async function signUpByKeyboard(page, person, months, ring = false) {
  let { state } = await pressUntilFocused(page, 'Tab', `field:${signupFields[0]}`, 6);
  for (const [index, field] of signupFields.entries()) {
    if (index > 0) {
      const moved = await pressUntilFocused(page, 'Tab', `field:${field}`, 1, { ring });
      state = moved.state;
    }
    assert.deepEqual(focusedIds(state), [`field:${field}`], `only ${field} has the focus`);
    await page.keyboard.type(person[field]);
    await waitForState(page, (s) => s.form[field] === person[field], `${field} typed`);
  }
  // The radio buttons come next, in the order shown (no commitment, 12, 24 months).
  ({ state } = await pressUntilFocused(page, 'Tab', 'commitment:0', 1, { ring }));
  if (months !== 0) ({ state } = await pressUntilFocused(page, 'Tab', `commitment:${months}`, 2, { ring }));
  await page.keyboard.press('Space');
  state = await waitForState(page, (s) => s.form.commitment_months === months, `commitment ${months} chosen with Space`);
  assert.deepEqual(state.errors, {}, 'no field error for valid input');
  for (const field of signupFields) assert.equal(state.form[field], person[field], `${field} as typed`);
  // Back into the last text field, where Enter will send the form (as on a web page).
  ({ state } = await pressUntilFocused(page, 'Shift+Tab', 'field:contract_start_date', 3));
  assert.equal(state.form.contract_start_date, person.contract_start_date, 'coming back changed nothing');
  return state;
}

const keyboardPerson = {
  cin: 'RT864200',
  first_name: 'Omar',
  last_name: 'Chraibi',
  phone: '0661778899',
  email: 'omar.chraibi@example.ma',
  address: '5 avenue de France, Agadir',
  service_identifier: '0677886644',
  contract_start_date: '2026-12-10',
};

test('keyboard only: a new customer chooses an offer and signs up to the contract PDF without a mouse, the focus ring drawn at each step',
  { timeout: 180000 }, async (t) => {
  const { server, browser, page, context } = await startPortal(t, { width: 1280, height: 800 });

  await page.goto(`${server.url}/`);
  let state = await onScreen(page, 'offers');
  const offer = state.offers.find((o) => o.family === 'mobile'); // the first offer on the page
  // FR, EN, "I am already a customer", then the offers: a few presses, not a hunt.
  ({ state } = await pressUntilFocused(page, 'Tab', `offer:${offer.offer_id}`, 8, { ring: true }));
  assert.ok(state.widgets[`offer:${offer.offer_id}`].visible, 'the focused offer is on screen');
  await screenshot(page, '60-keyboard-offer-focused');

  await page.keyboard.press('Enter');
  state = await onScreen(page, 'signup');
  assert.equal(state.form.offer_id, offer.offer_id, 'Enter chose the focused offer');

  state = await signUpByKeyboard(page, keyboardPerson, 24, true);
  await screenshot(page, '61-keyboard-form-filled');
  await page.keyboard.press('Enter');
  state = await onScreen(page, 'confirmation');
  assert.match(state.contract.contract_number, /^CTR-2026-\d{6}$/);
  await screenshot(page, '62-keyboard-confirmation');
  // The contract PDF: Tab to its button, Enter.
  await pressUntilFocused(page, 'Tab', 'button:download', 6, { ring: true });
  const url = await documentOpened(page, context, () => page.keyboard.press('Enter'));
  assert.match(url, /\/document\?token=/, 'Enter on the focused button opened the contract');
  assert.deepEqual(browser.problems, []);
});

test('keyboard only: an existing customer opens the identity check and verifies with Enter', { timeout: 120000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 });

  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  await pressUntilFocused(page, 'Tab', 'button:existing_customer', 5);
  await page.keyboard.press('Enter');
  await onScreen(page, 'verify');
  // The focus goes on in the new screen: Tab reaches its first field.
  await pressUntilFocused(page, 'Tab', 'field:verify_cin', 5);
  await page.keyboard.type('AB123456');
  await pressUntilFocused(page, 'Tab', 'field:verify_line', 1);
  await page.keyboard.type('06 12 34 56 78');
  await waitForState(page, (s) => s.form.verify_line === '06 12 34 56 78', 'line typed');
  await screenshot(page, '63-keyboard-verify');
  await page.keyboard.press('Enter');
  const state = await onScreen(page, 'dashboard');
  assert.equal(state.first_name, 'Amina');
  assert.deepEqual(browser.problems, []);
});

const enterPerson = {
  cin: 'PQ975310',
  first_name: 'Leila',
  last_name: 'Bennani',
  phone: '0662334455',
  email: 'leila.bennani@example.ma',
  address: '17 rue Abou Bakr, Oujda',
  service_identifier: '0677112299',
  contract_start_date: '2026-12-20',
};

test('Enter in a field sends the signup form filled with the keyboard', { timeout: 180000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 });

  await page.goto(`${server.url}/`);
  let state = await onScreen(page, 'offers');
  const offer = state.offers.find((o) => o.name === 'Mobile Confort'); // at least 12 months
  await clickWidget(page, `offer:${offer.offer_id}`);
  state = await onScreen(page, 'signup');
  assert.equal(state.form.commitment_months, 12, 'the offer\'s least commitment is chosen');

  state = await signUpByKeyboard(page, enterPerson, 24);
  await screenshot(page, '64-enter-form-filled');
  const submitted = page.waitForRequest((r) => r.url().endsWith('/api/v1/landing/submit/new'));
  await page.keyboard.press('Enter');
  const body = (await submitted).postDataJSON();
  assert.equal(body.commitment_months, 24, 'the commitment chosen with Space is sent');
  assert.equal(body.cin, enterPerson.cin);
  state = await onScreen(page, 'confirmation');
  assert.match(state.contract.contract_number, /^CTR-2026-\d{6}$/);
  assert.deepEqual(browser.problems, []);
});

test('Enter verifies an existing customer and confirms a plan change', { timeout: 180000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 });
  const contractId = 'ctr_demo_amina';

  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  await clickWidget(page, 'button:existing_customer');
  await onScreen(page, 'verify');
  await clickWidget(page, 'field:verify_cin');
  await page.keyboard.type('AB123456');
  await page.keyboard.press('Tab');
  let state = await waitForState(page, (s) => s.widgets['field:verify_line'].focused, 'Tab to the line field');
  await page.keyboard.type('06 12 34 56 78');
  await waitForState(page, (s) => s.form.verify_line === '06 12 34 56 78', 'line typed');
  await page.keyboard.press('Enter');
  state = await onScreen(page, 'dashboard');
  assert.equal(state.first_name, 'Amina', 'Enter in the line field verified');

  await clickWidget(page, `button:change_plan:${contractId}`);
  state = await onScreen(page, 'plan_change');
  const illimite = state.subscriptions.find((s) => s.contract_id === contractId).eligible_offers
    .find((o) => o.name === 'Mobile Illimité');
  await clickWidget(page, `offer_choice:${illimite.offer_id}`);
  await waitForState(page, (s) => s.form.target_offer_id === illimite.offer_id, 'offer chosen');
  await clickWidget(page, 'field:effective_date');
  await page.keyboard.type('2026-12-15');
  state = await waitForState(page, (s) => s.form.effective_date === '2026-12-15' && Object.keys(s.errors).length === 0 &&
                             s.plan_change_preview && s.busy === '', 'date accepted, first invoice previewed');
  assert.ok(state.widgets['field:effective_date'].focused, 'still typing in the date field');
  await page.keyboard.press('Enter');
  state = await onScreen(page, 'plan_changed');
  assert.equal(state.plan_change.offer, 'Mobile Illimité', 'Enter in the date field confirmed the change');
  assert.equal(state.plan_change.effective_date, '2026-12-15');
  await screenshot(page, '65-enter-plan-changed');
  assert.deepEqual(browser.problems, []);
});

// What the page says about its language, for people and for the browser.
async function pageLanguage(page) {
  const state = await portalState(page);
  return {
    portal: state.language,
    html: await page.evaluate(() => document.documentElement.lang),
    title: await page.title(),
    stored: await page.evaluate(() => window.localStorage.getItem('portal.language')),
  };
}

test('the portal opens in the browser\'s language, and the FR/EN choice is remembered', { timeout: 120000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800, locale: 'en-US' });

  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  assert.deepEqual(await page.evaluate(() => navigator.languages), ['en-US'], 'the browser speaks English');
  let lang = await pageLanguage(page);
  assert.equal(lang.portal, 'en', 'an English browser gets the English portal');
  assert.equal(lang.html, 'en', '<html lang> says English');
  assert.match(lang.title, /^Choose your offer – Customer portal/);
  assert.equal(lang.stored, null, 'following the browser stores nothing');
  await screenshot(page, '66-language-from-browser-en');

  // The person prefers French: the switch is remembered over a reload.
  await clickWidget(page, 'lang:fr');
  await waitForState(page, (s) => s.language === 'fr', 'French chosen');
  assert.equal((await pageLanguage(page)).stored, 'fr');
  await page.reload();
  await onScreen(page, 'offers');
  lang = await pageLanguage(page);
  assert.equal(lang.portal, 'fr', 'still French after a reload, though the browser says en-US');
  assert.equal(lang.html, 'fr');
  assert.match(lang.title, /^Choisissez votre offre – Espace client/);
  await screenshot(page, '67-language-remembered-fr');

  // And back to English, remembered the same way.
  await clickWidget(page, 'lang:en');
  await waitForState(page, (s) => s.language === 'en', 'English chosen');
  await page.reload();
  await onScreen(page, 'offers');
  lang = await pageLanguage(page);
  assert.deepEqual([lang.portal, lang.html, lang.stored], ['en', 'en', 'en']);
  assert.deepEqual(browser.problems, []);
});

test('a browser in neither French nor English opens in French, unless English comes next', { timeout: 120000 }, async (t) => {
  const { server, browser, page, context } = await startPortal(t, { width: 1280, height: 800, locale: 'de-DE' });

  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  assert.deepEqual(await page.evaluate(() => navigator.languages), ['de-DE']);
  let lang = await pageLanguage(page);
  assert.equal(lang.portal, 'fr', 'German is not offered: French');
  assert.equal(lang.html, 'fr');
  assert.match(lang.title, /^Choisissez votre offre/);
  assert.equal(lang.stored, null);
  await screenshot(page, '68-language-de-french');

  // A person who reads German first and English second gets English (the first of fr/en).
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => ['de-DE', 'de', 'en-GB', 'fr'] });
  });
  await page.reload();
  await onScreen(page, 'offers');
  lang = await pageLanguage(page);
  assert.equal(lang.portal, 'en', 'English comes before French in the browser\'s list');
  assert.equal(lang.html, 'en');
  assert.deepEqual(browser.problems, []);
});
