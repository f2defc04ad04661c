// Home screen branding: the operator's name and logo in the header (issue #6). The logo is
// the one printed on its documents, served by GET /api/v1/landing/operator-logo; the test
// reads the screenshot's pixels to see that it is really drawn, on a laptop and a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { startPortal, onScreen, waitForState, screenshot } from './harness.mjs';

// RGB of the page pixel at CSS (x, y): a 1x1 screenshot, decoded. Whatever a PNG row's
// filter, the first and only pixel of the first row is stored as is.
async function pixelAt(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, scale: 'css' });
  const chunks = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const row = zlib.inflateSync(Buffer.concat(chunks));
  return [row[1], row[2], row[3]];
}

const whiteish = ([r, g, b]) => r > 200 && g > 200 && b > 200;

for (const device of [{ name: 'laptop', width: 1280, height: 800, deviceScaleFactor: 1, shot: '06-home-logo' },
                      { name: 'phone', width: 360, height: 740, deviceScaleFactor: 3, shot: '22-phone-home-logo' }]) {
  test(`the home screen shows the operator's name and logo (${device.name})`, { timeout: 180000 }, async (t) => {
    const { server, browser, page } = await startPortal(t, device);

    await page.goto(`${server.url}/`);
    let state = await onScreen(page, 'offers');
    assert.equal(state.operator, 'Atlas Télécom');
    state = await waitForState(page, (s) => s.operator_logo && s.widgets['image:operator_logo'], 'the logo drawn');
    assert.deepEqual(state.operator_logo, { width: 96, height: 96 }, 'the demo logo, decoded');
    const logo = state.widgets['image:operator_logo'];
    assert.ok(logo.visible && logo.y >= 0 && logo.y + logo.h <= 56, 'inside the header');
    assert.ok(Math.abs(logo.h - 36) < 0.5 && Math.abs(logo.w - 36) < 0.5, '36 CSS px, its proportions kept');
    await screenshot(page, device.shot);

    // The demo logo is a white signal drawn on dark blue; the header around it is plain accent blue.
    const header = await pixelAt(page, logo.x + logo.w + 4, logo.y + 2);
    assert.ok(!whiteish(header), `header pixel ${header}`);
    const samples = [];
    // A 5 x 5 grid over the logo: each sample is a screenshot, slow on a 3x phone screen.
    for (let i = 1; i < 6; ++i)
      for (let j = 1; j < 6; ++j) samples.push(await pixelAt(page, logo.x + (logo.w * i) / 6, logo.y + (logo.h * j) / 6));
    assert.ok(samples.some(whiteish), 'the logo\'s white signal is on screen');
    assert.ok(samples.some((p) => !whiteish(p)), 'and so is its blue background');
    assert.deepEqual(browser.problems, []);
  });
}
