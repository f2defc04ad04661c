// Two things a person meets away from the desk:
// * a draft link kept too long: drafts live --draft-ttl-days (30 by default). The same
//   database is served again by a server whose clock is later: 29 days on, the link still
//   opens the form; 53 days on, the portal says the draft has expired (on screen and to
//   screen readers), shows the offers and drops the dead link from the address bar;
// * a touch phone (360 x 740 CSS px, device pixel ratio 3, touch events): tapping a field
//   gives the focus to the page's hidden <input> (which brings up the soft keyboard) and
//   text the soft keyboard inserts without key events reaches the field; a finger dragged
//   on the page background scrolls the page; every tap acts where the finger is, also
//   right after a tap that changed the screen, and text the soft keyboard inserts right
//   after a tap on a field (before the portal has drawn it) reaches that field.
// Taps go through Playwright's touchscreen and drags through CDP touch events, as a phone's
// browser delivers them (touchstart/touchmove/touchend, then mouse events only for a tap).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startServer, openBrowser, startPortal, onScreen, waitForState, portalState, settledState, screenshot, tempDir,
} from './harness.mjs';

const savedAt = '2026-11-23T10:00:00Z';
const draftForm = {
  offer_id: 'ofr_mobile_essentiel',
  cin: 'GH112233',
  first_name: 'Samir',
  last_name: 'Ouazzani',
  phone: '0663112233',
  language: 'fr',
};

test('a draft saved more than --draft-ttl-days ago says it has expired', { timeout: 120000 }, async (t) => {
  const dir = tempDir('isp-e2e-drafts-');
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const db = path.join(dir, 'portal.db');

  // Saved on 2026-11-23 with the default life of 30 days.
  const first = await startServer({ db, fixedTime: savedAt });
  let draft;
  try {
    const response = await fetch(`${first.url}/api/v1/landing/drafts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ form: draftForm, step: 'details' }),
    });
    draft = await response.json();
    assert.equal(response.status, 201, JSON.stringify(draft));
  } finally {
    await first.stop();
  }
  assert.match(draft.draft_id, /^drf_/);
  assert.equal(draft.expires_at, '2026-12-23T10:00:00Z', 'the draft lives 30 days');
  assert.ok(fs.existsSync(db), 'the database outlives its first server');

  const browser = await openBrowser({ width: 1280, height: 800 });
  t.after(() => browser.close());
  const { page } = browser;

  // 29 days later the same link still opens the form: the database carried the draft over.
  const before = await startServer({ db, fixedTime: '2026-12-22T10:00:00Z' });
  try {
    await page.goto(`${before.url}/?draft=${draft.draft_id}`);
    const state = await onScreen(page, 'signup');
    assert.equal(state.draft_id, draft.draft_id);
    for (const field of ['offer_id', 'cin', 'first_name', 'last_name', 'phone'])
      assert.equal(state.form[field], draftForm[field], `${field} restored`);
  } finally {
    await before.stop();
  }

  // On 2027-01-15 (53 days after it was saved) it has expired.
  const after = await startServer({ db, fixedTime: '2027-01-15T10:00:00Z' });
  t.after(() => after.stop());
  const api = await fetch(`${after.url}/api/v1/landing/drafts/${draft.draft_id}`);
  assert.equal(api.status, 410);
  assert.equal((await api.json()).code, 'draft_expired');

  await page.goto(`${after.url}/?draft=${draft.draft_id}`);
  const state = await onScreen(page, 'offers');
  assert.equal(state.notice, 'Ce brouillon a expiré. Vous pouvez commencer une nouvelle souscription.');
  assert.ok(state.widgets.notice && state.widgets.notice.visible, 'the notice is shown');
  assert.equal(state.draft_id, '', 'no draft is open');
  assert.equal(state.form.cin, '', 'nothing of the expired draft is loaded');
  await page.waitForFunction(() => /Ce brouillon a expiré/.test(document.getElementById('live').textContent));
  assert.ok(!page.url().includes('draft='), 'the expired link leaves the address bar');
  assert.equal(new URL(page.url()).pathname, '/');
  await screenshot(page, '70-draft-expired');
  assert.deepEqual(browser.problems, []);
});

const phone = { width: 360, height: 740, deviceScaleFactor: 3, hasTouch: true, isMobile: true };

// Taps the centre of a widget with a finger, once the screen's layout has settled.
async function tap(page, id) {
  const state = await settledState(page, `the layout before tapping ${id}`);
  const w = state.widgets[id];
  assert.ok(w && w.visible && w.enabled, `${id} is on screen to be tapped: ${JSON.stringify(w)}`);
  await page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
  return w;
}

// Counts the key events the page sees: a soft keyboard's text comes without any.
async function countKeyEvents(page) {
  await page.evaluate(() => {
    window.keyEvents = 0;
    for (const type of ['keydown', 'keypress', 'keyup'])
      window.addEventListener(type, () => { ++window.keyEvents; }, true);
  });
  return () => page.evaluate(() => window.keyEvents);
}

const focusedElement = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return {
    tag: e.tagName, type: e.type || '', canvas: e === document.getElementById('canvas'),
    mirrored: !!e.closest('#semantics'), // a field's element in the screen-reader mirror, not the hidden input
  };
});

test('on a touch phone a tapped field takes what the soft keyboard types', { timeout: 120000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, phone);
  // iOS opens its keyboard only for a focus given inside the tap's own touchend handler.
  // What has the focus once the portal's touchend listeners ran: a listener added when the
  // first finger lands, after the portal's own.
  await page.addInitScript(() => {
    window.focusedAtTouchEnd = [];
    window.addEventListener('touchstart', () => {
      if (window.touchEndWatched) return;
      window.touchEndWatched = true;
      window.addEventListener('touchend', () => window.focusedAtTouchEnd.push(document.activeElement.tagName), true);
    }, true);
  });

  await page.goto(`${server.url}/`);
  let state = await onScreen(page, 'offers');
  assert.equal(state.pixel_ratio, 3);
  assert.ok(await page.evaluate(() => navigator.maxTouchPoints > 0 && 'ontouchstart' in window), 'a touch screen');
  const offer = state.offers.find((o) => o.family === 'mobile');
  await tap(page, `offer:${offer.offer_id}`);
  state = await onScreen(page, 'signup');
  assert.equal(state.form.offer_id, offer.offer_id, 'the tap chose the offer');
  assert.notEqual((await focusedElement(page)).tag, 'INPUT', 'no text field yet: no keyboard (the page\'s focus is on the title)');
  assert.ok(!(await page.evaluate(() => window.focusedAtTouchEnd)).includes('INPUT'), 'a tap on a button opens no keyboard');

  const keyEvents = await countKeyEvents(page);
  for (const [field, value] of [['cin', 'MN246802'], ['first_name', 'Sanaa'], ['last_name', 'El Fassi']]) {
    await tap(page, `field:${field}`);
    assert.equal(await page.evaluate(() => window.focusedAtTouchEnd.at(-1)), 'INPUT',
                 `the hidden input took the focus during the tap on ${field} itself, not a frame later`);
    state = await waitForState(page, (s) => s.widgets[`field:${field}`].focused, `${field} being edited`);
    assert.deepEqual(await focusedElement(page), { tag: 'INPUT', type: 'text', canvas: false, mirrored: false },
                     `the hidden input has the focus while ${field} is edited: the soft keyboard opens`);
    await page.keyboard.insertText(value);
    state = await waitForState(page, (s) => s.form[field] === value, `${field} = ${value} from the soft keyboard`);
  }
  assert.equal(await keyEvents(), 0, 'the text came without key events, as from a soft keyboard');
  assert.equal(state.form.cin, 'MN246802', 'each field kept its own text');
  assert.equal(state.form.first_name, 'Sanaa');
  assert.deepEqual(state.errors, {});
  await screenshot(page, '71-phone-soft-keyboard');
  assert.deepEqual(browser.problems, []);
});

// A finger on the page: touchStart at `from`, moves in steps (each given a frame or so to be
// drawn), touchEnd at `to`.
async function drag(page, cdp, from, to, steps = 10) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= steps; ++i) {
    await new Promise((r) => setTimeout(r, 60));
    const point = { x: from.x + (to.x - from.x) * i / steps, y: from.y + (to.y - from.y) * i / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
  }
  await new Promise((r) => setTimeout(r, 150));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('on a touch phone a finger dragged on the page background scrolls it', { timeout: 120000 }, async (t) => {
  const { server, browser, page, context } = await startPortal(t, phone);

  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  const before = await settledState(page);
  // The left margin, beside the offer cards: page background, no widget under the finger.
  const from = { x: 8, y: 600 };
  const to = { x: 8, y: 300 };
  for (const [id, w] of Object.entries(before.widgets))
    assert.ok(!(from.x >= w.x && from.x <= w.x + w.w && from.y >= w.y && from.y <= w.y + w.h), `${id} is not under the finger`);
  const watched = ['offer:ofr_mobile_essentiel', 'offer:ofr_mobile_confort', 'button:existing_customer'];
  for (const id of watched) assert.ok(before.widgets[id], `${id} on the offers screen`);

  const cdp = await context.newCDPSession(page);
  await drag(page, cdp, from, to);
  const after = await settledState(page, 'the page after the drag');
  const dragged = from.y - to.y;
  for (const id of watched) {
    const moved = before.widgets[id].y - after.widgets[id].y;
    // Dear ImGui starts a drag past a few pixels' threshold: those few pixels do not scroll.
    assert.ok(moved > dragged - 40 && moved <= dragged + 2,
              `${id} moved up by about ${dragged} px with the finger (moved ${moved} px: y ${before.widgets[id].y} -> ${after.widgets[id].y})`);
  }
  assert.equal(after.screen, 'offers', 'the drag chose nothing');
  assert.equal(after.language, 'fr');
  await screenshot(page, '72-phone-dragged');

  // And back down: the page follows the finger both ways.
  await drag(page, cdp, to, from);
  const back = await settledState(page, 'the page after dragging back');
  for (const id of watched)
    assert.ok(Math.abs(back.widgets[id].y - before.widgets[id].y) <= 40, `${id} back near y ${before.widgets[id].y} (${back.widgets[id].y})`);
  assert.deepEqual(browser.problems, []);
});

// Inserts `text` into the focused element from within the very frame that first shows widget
// `id` focused (the published state's update), before the next frame: the soft keyboard of a
// quick thumb, not a test's polling, decides when the text comes.
async function insertWhenFocused(page, id, text) {
  await page.evaluate(({ id, text }) => {
    const probe = window.portalTest;
    let state = probe.state;
    Object.defineProperty(probe, 'state', {
      configurable: true,
      get: () => state,
      set: (next) => {
        state = next;
        if (!next.widgets || !next.widgets[id] || !next.widgets[id].focused) return;
        const e = document.activeElement;
        window.insertedInto = { tag: e.tagName, mirrored: !!e.closest('#semantics') };
        document.execCommand('insertText', false, text);
        Object.defineProperty(probe, 'state', { configurable: true, writable: true, value: state });
      },
    });
  }, { id, text });
}

test('on a touch phone every tap acts where the finger is, even right after a screen change', { timeout: 120000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, phone);

  // An existing customer checks her invoices, with a finger and the soft keyboard only.
  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  await tap(page, 'button:existing_customer');
  await onScreen(page, 'verify');
  // The soft keyboard types as soon as the finger lifts, before the portal has drawn the
  // field as being edited (the CIN), or right in the frame it shows it so (the line).
  await tap(page, 'field:verify_cin');
  await page.keyboard.insertText('AB123456');
  await waitForState(page, (s) => s.widgets['field:verify_cin'].focused, 'CIN field being edited');
  await insertWhenFocused(page, 'field:verify_line', '0612345678');
  await tap(page, 'field:verify_line');
  assert.deepEqual(await (await page.waitForFunction(() => window.insertedInto)).jsonValue(), { tag: 'INPUT', mirrored: false },
                   'the hidden input kept the focus the tap gave it (and the soft keyboard with it)');
  await waitForState(page, (s) => s.form.verify_cin === 'AB123456' && s.form.verify_line === '0612345678', 'both typed');
  const verifyButton = await tap(page, 'button:verify');
  let state = await onScreen(page, 'dashboard');
  assert.equal(state.first_name, 'Amina');

  // The next tap, on "My invoices", must open the invoices, whatever the previous tap (on
  // "Verify", where the dashboard now shows something else) pressed.
  const invoicesButton = await tap(page, 'button:invoices');
  state = await waitForState(page, (s) => s.busy === '' && s.screen !== 'dashboard', 'the screen the tap opened');
  assert.equal(state.screen, 'invoices',
               `the tap on "My invoices" at (${invoicesButton.x + invoicesButton.w / 2}, ${invoicesButton.y + invoicesButton.h / 2}) ` +
               `opened ${state.screen}; the previous tap was on "Verify" at (${verifyButton.x + verifyButton.w / 2}, ${verifyButton.y + verifyButton.h / 2})`);
  await onScreen(page, 'invoices');
  await screenshot(page, '73-phone-invoices-by-touch');
  assert.deepEqual(browser.problems, []);
});
