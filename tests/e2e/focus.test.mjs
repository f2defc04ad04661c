// Visible focus and a form's first field (issue #14, WCAG 2.2 2.4.7 and 2.4.11): a ring is
// drawn around the button the keyboard reached (its pixels differ from the same place
// unfocused, and the ring's dark line stands out from the page by at least 3:1), also on the
// accent-coloured header's FR/EN buttons; on arriving at the identity check, the signup form
// and the console's sign-in the first field has the keyboard focus on a device with a
// keyboard (Tab goes on to the next field, not to the language buttons), and on a touch
// phone nothing is focused (a focus would pop the on-screen keyboard up).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, onScreen, waitForState, portalState, clickWidget, settledState, screenshot } from './harness.mjs';
import { startConsole } from './console_harness.mjs';
import { luminance, contrast } from './focus_ring.mjs';

const focusedIds = (state) => Object.entries(state.widgets).filter(([, w]) => w.focused).map(([id]) => id);

// The canvas's pixels (RGB) in a band `from`..`to` CSS px outside a widget's box, read from
// the WebGL canvas (the harness keeps its drawing buffer).
async function bandAround(page, w, from, to) {
  return page.evaluate(({ w, from, to }) => {
    const canvas = document.getElementById('canvas');
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const g = copy.getContext('2d');
    g.drawImage(canvas, 0, 0);
    const x0 = Math.floor((w.x - to) * ratio); const y0 = Math.floor((w.y - to) * ratio);
    const x1 = Math.ceil((w.x + w.w + to) * ratio); const y1 = Math.ceil((w.y + w.h + to) * ratio);
    const data = g.getImageData(x0, y0, x1 - x0, y1 - y0).data;
    const pixels = [];
    for (let y = y0; y < y1; ++y)
      for (let x = x0; x < x1; ++x) {
        const cx = x / ratio; const cy = y / ratio;
        const outside = Math.max(w.x - cx, cx - (w.x + w.w), w.y - cy, cy - (w.y + w.h));
        if (outside < from || outside > to) continue;
        const i = ((y - y0) * (x1 - x0) + (x - x0)) * 4;
        pixels.push([data[i], data[i + 1], data[i + 2]]);
      }
    return pixels;
  }, { w, from, to });
}


// Presses Tab until `id` has the focus (at most `max` times).
async function tabTo(page, id, max) {
  for (let i = 0; i < max; ++i) {
    const state = await portalState(page);
    if (state.widgets[id] && state.widgets[id].focused) return state;
    const before = focusedIds(state).join();
    await page.keyboard.press('Tab');
    await waitForState(page, (s) => focusedIds(s).join() !== before, 'the focus to move', 2000).catch(() => {});
  }
  return waitForState(page, (s) => s.widgets[id] && s.widgets[id].focused, `${id} focused`, 1000);
}

// The ring around `id`: the band 1..6 CSS px outside its box differs from the unfocused one,
// and its darkest pixel has 3:1 against the lightest one there unfocused.
async function assertRing(page, id, unfocused) {
  const state = await settledState(page, `${id} focused and laid out`);
  const focused = await bandAround(page, state.widgets[id], 1, 6);
  assert.equal(focused.length, unfocused.length);
  const changed = focused.filter((p, i) => p.some((v, k) => Math.abs(v - unfocused[i][k]) > 40)).length;
  assert.ok(changed > focused.length * 0.2, `${id}: ${changed} of ${focused.length} pixels around it changed`);
  const darkest = focused.reduce((a, p) => (luminance(p) < luminance(a) ? p : a));
  const lightest = focused.reduce((a, p) => (luminance(p) > luminance(a) ? p : a));
  const background = unfocused.reduce((a, p) => (luminance(p) > luminance(a) ? p : a));
  assert.ok(contrast(darkest, background) >= 3 || contrast(lightest, background) >= 3,
            `${id}: the ring stands out 3:1 (${contrast(darkest, background).toFixed(1)}:1, ${contrast(lightest, background).toFixed(1)}:1)`);
  return { changed, of: focused.length };
}

test('a focus ring around every button the keyboard reaches, the header\'s included', { timeout: 120000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 });
  await page.goto(`${server.url}/`);
  const first = await onScreen(page, 'offers');
  const offer = first.offers.find((o) => o.family === 'mobile');
  const ids = ['lang:fr', 'lang:en', 'button:existing_customer', `offer:${offer.offer_id}`];
  const settled = await settledState(page);
  const unfocused = {};
  for (const id of ids) unfocused[id] = await bandAround(page, settled.widgets[id], 1, 6);
  for (const id of ids) {
    await tabTo(page, id, 8);
    const ring = await assertRing(page, id, unfocused[id]);
    console.log(`focus ring ${id}: ${ring.changed}/${ring.of} pixels changed`);
  }
  await screenshot(page, 'focus-ring-offer');
  // A click moves the focus without a ring (as a web page's :focus-visible).
  await page.mouse.click(5, 300);
  assert.deepEqual(browser.problems, []);
});

test('the first field has the focus on arriving at the identity check and the signup form', { timeout: 120000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 });
  await page.goto(`${server.url}/`);
  const offers = await onScreen(page, 'offers');
  await clickWidget(page, 'button:existing_customer');
  let state = await waitForState(page, (s) => s.screen === 'verify' && s.widgets['field:verify_cin'].focused,
                                 'the CIN field focused on arrival');
  assert.deepEqual(focusedIds(state), ['field:verify_cin']);
  const unfocusedLine = await bandAround(page, state.widgets['field:verify_line'], 1, 6);
  await page.keyboard.press('Tab');
  state = await waitForState(page, (s) => s.widgets['field:verify_line'].focused, 'Tab to the line field, not to FR/EN');
  await assertRing(page, 'field:verify_line', unfocusedLine);
  await screenshot(page, 'focus-verify-line');

  // One click on a button acts even while a field the keyboard focused is being edited.
  await clickWidget(page, 'button:back_to_offers');
  await onScreen(page, 'offers');
  const offer = offers.offers.find((o) => o.family === 'internet');
  await clickWidget(page, `offer:${offer.offer_id}`);
  state = await waitForState(page, (s) => s.screen === 'signup' && s.widgets['field:cin'].focused, 'the CIN field focused');
  await page.keyboard.press('Tab');
  await waitForState(page, (s) => s.widgets['field:first_name'].focused, 'Tab to the first name');
  // A click on another field moves the editing there at once.
  await clickWidget(page, 'field:phone');
  // (The click's own frame still shows the field it left as focused: wait for the next.)
  await waitForState(page, (s) => focusedIds(s).join() === 'field:phone', 'one click on the phone field edits it, alone');
  assert.deepEqual(browser.problems, []);
});

test('the console\'s sign-in starts in its e-mail field; Tab goes to the password', { timeout: 120000 }, async (t) => {
  const { page } = await startConsole(t);
  let state = await waitForState(page, (s) => s.screen === 'sign_in' && s.widgets['field:email'] && s.widgets['field:email'].focused,
                                 'the e-mail field focused on arrival');
  assert.deepEqual(focusedIds(state), ['field:email']);
  await page.keyboard.press('Tab');
  state = await waitForState(page, (s) => s.widgets['field:password'].focused, 'Tab to the password');
  await screenshot(page, 'focus-console-password');
});

test('on a touch phone no field takes the focus unasked (no keyboard pops up)', { timeout: 120000 }, async (t) => {
  const { server, page } = await startPortal(t, { width: 360, height: 740, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  const state = await settledState(page);
  const w = state.widgets['button:existing_customer'];
  await page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
  const verify = await onScreen(page, 'verify');
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(focusedIds(await portalState(page)), [], `nothing focused: ${focusedIds(verify)}`);
  assert.deepEqual(await page.evaluate(() => [document.activeElement.tagName, document.activeElement.getAttribute('role')]),
                   ['DIV', 'heading'], 'no input is focused: the page\'s focus is on the title');
});
