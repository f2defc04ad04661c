// A phone: 360 CSS px wide at device pixel ratio 3. Everything fits the width (fields
// stacked), text is drawn at the device's density, and a dead draft link says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, onScreen, waitForState, clickWidget, screenshot } from './harness.mjs';

test('the portal fits a 360 px phone screen and explains an unknown draft link', { timeout: 120000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 360, height: 740, deviceScaleFactor: 3 });

  await page.goto(`${server.url}/?draft=drf_does_not_exist`);
  let state = await onScreen(page, 'offers');
  assert.equal(state.pixel_ratio, 3);
  assert.match(state.notice, /introuvable/);
  assert.ok(!page.url().includes('draft='), 'the dead link leaves the address bar');
  const canvas = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual(canvas, [1080, 2220], 'drawing buffer at device resolution');
  await screenshot(page, '20-phone-offers');

  const offer = state.offers.find((o) => o.family === 'internet');
  await clickWidget(page, `offer:${offer.offer_id}`);
  state = await onScreen(page, 'signup');
  for (const [id, w] of Object.entries(state.widgets))
    assert.ok(w.x >= 0 && w.x + w.w <= 360.5, `${id} fits in 360 px (x=${w.x}, w=${w.w})`);
  const cin = state.widgets['field:cin'];
  const phone = state.widgets['field:phone'];
  assert.ok(phone.y > cin.y + cin.h, 'fields are stacked');
  await screenshot(page, '21-phone-signup');
  assert.deepEqual(browser.problems, []);
});
