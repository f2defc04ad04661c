// A phone: 360 CSS px wide at device pixel ratio 3. Everything fits the width (fields
// stacked), text is drawn at the device's density, and a dead draft link says so. Zoomed to
// 200 %, at 320 CSS px and with a 200 % text size, the signup form reflows.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {clickWidget, onScreen, screenshot, settledState, startPortal, waitForState} from './harness.mjs';

test('the portal fits a 360 px phone screen and explains an unknown draft link', {timeout : 120000}, async (t) => {
    const {server, browser, page} = await startPortal(t, {width : 360, height : 740, deviceScaleFactor : 3});

    await page.goto(`${server.url}/?draft=drf_does_not_exist`);
    let state = await onScreen(page, 'offers');
    assert.equal(state.pixel_ratio, 3);
    assert.match(state.notice, /introuvable/);
    assert.ok(!page.url().includes('draft='), 'the dead link leaves the address bar');
    const canvas =
        await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
    assert.deepEqual(canvas, [ 1080, 2220 ], 'drawing buffer at device resolution');
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

// Zoom and reflow (WCAG 1.4.4, 1.4.10): a 1280 x 800 window zoomed to 200 % is a 640 x 400
// CSS px viewport at device pixel ratio 2 (the portal follows the ratio: text twice as big),
// and 320 CSS px is the width content must reflow to. In both, the signup form needs no
// horizontal scrolling, every widget is inside the width, and the wheel reaches each of them.
for (const [name, viewport] of [[ '200 % zoom at 1280 px', {width : 640, height : 400, deviceScaleFactor : 2} ],
                                [ '320 CSS px', {width : 320, height : 640, deviceScaleFactor : 1} ]]) {
    test(`${name}: the signup form reflows, nothing needs horizontal scrolling`, {timeout : 120000}, async (t) => {
        const {server, browser, page} = await startPortal(t, viewport);
        const state = await openSignup(page, server);
        assert.equal(state.pixel_ratio, viewport.deviceScaleFactor);
        await checkReflow(page, browser, viewport, state,
                          `22-signup-${viewport.width}px-x${viewport.deviceScaleFactor}`);
    });
}

// The person's text size (WCAG 1.4.4): a larger default font size (the browser's setting,
// which a phone's OS text size changes) enlarges the portal as zoom does, and it reflows.
// Chromium's setting is set through CDP (Page.setFontSizes), as the settings page does.
test('a text size of 200 % enlarges the portal as zoom does, and the signup form reflows', {timeout : 120000},
     async (t) => {
         const viewport = {width : 1280, height : 800, deviceScaleFactor : 1};
         const {server, browser, page} = await startPortal(t, viewport);
         const normal = await openSignup(page, server);
         const cdp = await page.context().newCDPSession(page);
         await cdp.send('Page.setFontSizes', {fontSizes : {standard : 32}});
         const large = await openSignup(page, server);
         assert.equal(large.pixel_ratio, 1, 'the text size is not a device pixel ratio');
         const ratio = large.widgets['field:cin'].h / normal.widgets['field:cin'].h;
         assert.ok(ratio > 1.8 && ratio < 2.2, `the CIN field ${ratio.toFixed(2)} times as tall`);
         await checkReflow(page, browser, viewport, large, '22-signup-text-200');
     });

async function openSignup(page, server) {
    await page.goto(`${server.url}/`);
    const offers = await onScreen(page, 'offers');
    await clickWidget(page, `offer:${offers.offers.find((o) => o.family === 'mobile').offer_id}`);
    return onScreen(page, 'signup');
}

// No horizontal scrolling, every widget inside the width, and the wheel reaches each of them.
async function checkReflow(page, browser, viewport, first, shot) {
    let state = first;
    const scroll = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll[0] <= scroll[1], `no horizontal scrolling (page ${scroll[0]} px wide in ${scroll[1]})`);
    const unseen = new Set(Object.keys(state.widgets));
    // From the top (the form's first field, focused on arrival, may have scrolled the header away).
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, -5000);
    state = await settledState(page, 'the top of the form');
    for (let step = 0, moved = true; step < 30 && unseen.size > 0 && moved; ++step) {
        for (const [id, w] of Object.entries(state.widgets)) {
            assert.ok(w.x >= 0 && w.x + w.w <= viewport.width + 0.5,
                      `${id} inside ${viewport.width} px (x=${w.x}, w=${w.w})`);
            if (w.visible)
                unseen.delete(id);
        }
        assert.deepEqual(state.cut, [], 'nothing pushed past the right edge (a widget is reported clipped to it)');
        const before = JSON.stringify(state.widgets);
        await page.mouse.wheel(0, viewport.height / 2);
        const next = await waitForState(page, (s) => JSON.stringify(s.widgets) !== before, 'the page to scroll', 2000)
                         .catch(() => null);
        moved = next !== null; // else the bottom
        state = next || state;
    }
    assert.deepEqual([...unseen ], [], 'the wheel brought every widget into view');
    await screenshot(page, shot);
    assert.deepEqual(browser.problems, []);
}
