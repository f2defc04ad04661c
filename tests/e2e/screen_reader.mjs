// What the screen-reader tests share (on top of harness.mjs): the apps are driven only through
// the page's accessibility tree, as a screen-reader user would, with Playwright's role and
// name locators on the semantics mirror (webapp/platform/semantics_mirror.h), never the test
// probe or a position on the canvas.
// - activate(): a screen reader's "activate" (NVDA's Enter in browse mode, VoiceOver's
//   double tap) is the browser clicking the element itself, a click event with no pointer:
//   locator.dispatchEvent('click'). (locator.click() would press the mouse at a point, and the
//   mirror lets the mouse through to the canvas under it.)
// - press(): the focus moved to the element (a screen reader's focus mode, Tab), then Enter
//   typed: a key press, which is what lets the page open a new tab for a document.
// - type(): locator.fill(), which focuses the field and inserts the text, as a screen
//   reader's typing, dictation or a password manager does.
export const activate = (locator) => locator.dispatchEvent('click');

export async function press(page, locator) {
  await locator.focus();
  await page.keyboard.press('Enter');
}

// Fills a mirrored text field. What the app made of it is checked by what follows (the
// server's contract, the screen shown), not by the element's value, which the fill itself set.
export const type = (locator, text) => locator.fill(text);

// Waits for an element that says the app moved on (a heading, a button), and returns it.
export async function shown(locator, timeout = 15000) {
  await locator.first().waitFor({ state: 'attached', timeout });
  return locator.first();
}

// Waits until `probe()` (an async read of the page) is true; fails naming `what`.
export async function until(probe, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// A document the page opened after `act()`: in a new tab, or, when the browser blocked the tab
// (an activation that is not a user's gesture), in this one. Returns its address.
export async function documentOpened(page, context, act) {
  const tab = context.waitForEvent('page', { timeout: 15000 }).then(async (p) => {
    await p.waitForURL(/\/document\?token=/, { waitUntil: 'commit' }).catch(() => {});
    return p.url();
  });
  const here = page.waitForURL(/\/document\?token=/, { waitUntil: 'commit', timeout: 15000 }).then(() => page.url());
  await act();
  const url = await Promise.any([tab, here]);
  tab.catch(() => {});
  here.catch(() => {});
  return url;
}
