// Text input at any speed (issue #14): keys typed with no pause between them (a card reader,
// an auto-typing password manager, a fast burst), characters not on the US layout (which
// arrive as text insertions without a key press), a Tab followed at once by the next
// field's first key, the first key on arriving at a form, and a pasted string: every
// character arrives, in order, in the field it was typed into. Read back through the test
// probe's typed fields, then through the draft the server saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, onScreen, waitForState, clickWidget, screenshot } from './harness.mjs';
import { startConsole } from './console_harness.mjs';

const burst = { delay: 0 };

test('typed at 0 ms between keys, after a Tab, inserted and pasted: every character arrives', { timeout: 120000 }, async (t) => {
  const { server, browser, page, context } = await startPortal(t, { width: 1280, height: 800 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });

  await page.goto(`${server.url}/`);
  const state = await onScreen(page, 'offers');
  const offer = state.offers.find((o) => o.family === 'mobile');
  await clickWidget(page, `offer:${offer.offer_id}`);
  await onScreen(page, 'signup');
  await page.evaluate((text) => navigator.clipboard.writeText(text), '06 77 12 34 56');

  // One burst, never waiting for the portal: the first field has the focus on arrival.
  await page.keyboard.type('AB123456', burst);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Zoé', burst);
  await page.keyboard.press('Tab');
  await page.keyboard.type('N\'Diaye-Østergård', burst);
  await page.keyboard.press('Tab');
  await page.keyboard.type('0611223344', burst);
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('zoé.østergård@example.ma');
  await page.keyboard.press('Tab');
  await page.keyboard.type('محمد', burst);
  await page.keyboard.insertText(' 12 شارع Zoé');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+V');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026-12-10', burst);

  const expected = {
    cin: 'AB123456',
    first_name: 'Zoé',
    last_name: 'N\'Diaye-Østergård',
    phone: '0611223344',
    email: 'zoé.østergård@example.ma',
    address: 'محمد 12 شارع Zoé',
    service_identifier: '06 77 12 34 56',
    contract_start_date: '2026-12-10',
  };
  const typed = await waitForState(page, (s) => s.form.contract_start_date === expected.contract_start_date,
    'the last field typed', 20000).catch(async () => (await page.evaluate(() => window.portalTest.state)));
  await screenshot(page, 'typing-burst');
  const got = Object.fromEntries(Object.keys(expected).map((k) => [k, typed.form[k]]));
  assert.deepEqual(got, expected, 'every character, in its own field');

  // What the server keeps is what was typed: the draft, saved and read back from the API.
  await clickWidget(page, 'button:save_draft');
  const saved = await waitForState(page, (s) => s.draft_id && s.busy === '', 'the draft saved');
  const draft = await (await fetch(`${server.url}/api/v1/landing/drafts/${saved.draft_id}`)).json();
  for (const [field, value] of Object.entries(expected)) assert.equal(draft.form[field], value, `${field} in the draft`);
  assert.deepEqual(browser.problems, []);
});

test('a burst typed into a field already being edited, with Backspace and arrows in it, lands in order', { timeout: 120000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 });
  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  await clickWidget(page, 'button:existing_customer');
  await onScreen(page, 'verify');
  // Typed at once, no field clicked: the CIN field has the focus on arrival.
  await page.keyboard.type('ABX', burst);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('123456', burst);
  await page.keyboard.press('Home');
  await page.keyboard.insertText('é');
  await page.keyboard.press('Delete');
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  await page.keyboard.type('06 12 34 56 78', burst);
  const state = await waitForState(page, (s) => s.form.verify_line === '06 12 34 56 78', 'the line typed', 20000);
  assert.equal(state.form.verify_cin, 'éB123456', 'Backspace, Home, an insertion and Delete, each where it was typed');
  assert.deepEqual(browser.problems, []);
});

test('the console\'s sign-in takes a password manager\'s burst: e-mail, Tab, password', { timeout: 120000 }, async (t) => {
  const { page, staff } = await startConsole(t);
  await waitForState(page, (s) => s.screen === 'sign_in' && s.sign_in.stage === 'credentials', 'the sign-in form');
  const email = 'admin@demo.example';
  await page.keyboard.type(email, burst);
  await page.keyboard.press('Tab');
  await page.keyboard.insertText(staff[email]);
  await page.keyboard.press('Enter');
  const state = await waitForState(page, (s) => s.phase === 'signed_in' && s.busy === '', 'signed in', 20000);
  assert.equal(state.place.section, 'today');
});
