// Issue #6, invoices: an existing customer (Youssef, demo) verifies, opens "My invoices",
// sees three months billed by --demo's history (one paid, two overdue), the chart of the
// last twelve months, narrows the list by status, opens an invoice's lines, downloads its
// PDF and reads it; the same screen in English and on a 360-px-wide phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startPortal, onScreen, waitForState, clickWidget, fillField, screenshot, pdfText,
} from './harness.mjs';

async function verifyYoussef(page, server) {
  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  await clickWidget(page, 'button:existing_customer');
  await onScreen(page, 'verify');
  await fillField(page, 'verify_cin', 'BE654321');
  await fillField(page, 'verify_line', '05 35 12 34 56');
  await clickWidget(page, 'button:verify');
  await onScreen(page, 'dashboard');
}

test('an existing customer sees, filters and downloads their invoices', { timeout: 180000 }, async (t) => {
  const { server, browser, page, context } = await startPortal(t, { width: 1280, height: 900 });

  await verifyYoussef(page, server);
  await clickWidget(page, 'button:invoices');
  let state = await onScreen(page, 'invoices');
  assert.match(await page.title(), /^Vos factures/, 'the page title follows the screen');
  assert.equal(state.invoices.length, 3, 'three months billed');
  assert.deepEqual(state.invoices.map((i) => i.period), ['2026-10', '2026-09', '2026-08'], 'newest first');
  assert.deepEqual(state.invoices.map((i) => i.status), ['overdue', 'overdue', 'paid']);
  assert.match(state.invoices[0].total.replace(/[\u00a0\u202f]/g, ' '), /^418,80 MAD$/);
  assert.ok(state.widgets['chart:invoices'], 'the twelve-month chart is drawn');
  for (const i of state.invoices) assert.ok(state.widgets[`status:${i.invoice_id}`], `${i.period} is listed`);
  await screenshot(page, '40-invoices');

  // Only the paid one, then only the overdue ones.
  const [october, september, august] = state.invoices;
  await clickWidget(page, 'filter:paid');
  state = await waitForState(page, (s) => s.invoice_filter === 'paid' && !s.widgets[`status:${october.invoice_id}`],
                             'paid filter');
  assert.ok(state.widgets[`status:${august.invoice_id}`], 'the paid invoice stays');
  await screenshot(page, '41-invoices-paid');
  await clickWidget(page, 'filter:overdue');
  state = await waitForState(page, (s) => s.invoice_filter === 'overdue' && !s.widgets[`status:${august.invoice_id}`],
                             'overdue filter');
  assert.ok(state.widgets[`status:${september.invoice_id}`]);

  // The lines of September, then its PDF in a new tab.
  await clickWidget(page, `button:details:${september.invoice_id}`);
  await waitForState(page, (s) => s.expanded_invoice === september.invoice_id, 'details open');
  await screenshot(page, '42-invoice-details');
  const opened = context.waitForEvent('page');
  await clickWidget(page, `button:download_invoice:${september.invoice_id}`);
  const tab = await opened;
  await tab.waitForURL(/\/document\?token=/, { waitUntil: 'commit' }).catch(() => {});
  const documentUrl = new URL(september.document_download_url, server.url).href;
  assert.equal(tab.url(), documentUrl, 'the tab opened the invoice link');
  const response = await page.request.get(documentUrl);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const text = pdfText(await response.body());
  assert.ok(text.includes(september.invoice_number), 'the PDF is that invoice');
  assert.ok(text.includes('Youssef Benali'));
  assert.match(text, /Fibre 100 Méga/);
  assert.match(text, /30 \/ 30/);
  assert.match(text, /Reste à payer\s+209,40 MAD/);

  // English, remembered across the screen.
  await clickWidget(page, 'lang:en');
  state = await waitForState(page, (s) => s.language === 'en' && s.screen === 'invoices', 'English');
  assert.match(await page.title(), /^Your invoices/);
  await screenshot(page, '43-invoices-en');

  await clickWidget(page, 'button:back_to_subscriptions');
  await onScreen(page, 'dashboard');
  assert.deepEqual(browser.problems, []);
});

test('the invoices screen on a 360-px-wide phone', { timeout: 180000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 360, height: 740, deviceScaleFactor: 2 });

  await verifyYoussef(page, server);
  await clickWidget(page, 'button:invoices');
  const state = await onScreen(page, 'invoices');
  const chart = state.widgets['chart:invoices'];
  assert.ok(chart.x >= 0 && chart.x + chart.w <= 360, 'the chart fits the screen');
  for (const id of ['filter:all', 'filter:open', 'filter:overdue', 'filter:partially_paid', 'filter:paid']) {
    const w = state.widgets[id];
    assert.ok(w && w.x >= 0 && w.x + w.w <= 360, `${id} fits the screen`);
  }
  // A button far down the list is reached by scrolling, as on a phone.
  const last = state.invoices[state.invoices.length - 1];
  await clickWidget(page, `button:details:${last.invoice_id}`);
  await waitForState(page, (s) => s.expanded_invoice === last.invoice_id, 'details open on a phone');
  await screenshot(page, '44-invoices-phone');
  assert.deepEqual(browser.problems, []);
});
