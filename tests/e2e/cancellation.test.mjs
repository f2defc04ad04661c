// Issue #15, a customer cancels from the portal: dashboard -> "Résilier l'abonnement" -> a
// chosen date, the early termination amount shown before confirming -> confirmation with the
// new contract version -> the dashboard shows the pending termination. Kept short (CI budget):
// the rules are tested in tests/api/cancellation_test.cpp and the journey natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, onScreen, waitForState, clickWidget, fillField, screenshot } from './harness.mjs';

const contractId = 'ctr_demo_amina';
const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ');

test('a customer cancels a subscription before the end of the commitment', { timeout: 120000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 });
  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  await clickWidget(page, 'button:existing_customer');
  await onScreen(page, 'verify');
  await fillField(page, 'verify_cin', 'AB123456');
  await fillField(page, 'verify_line', '06 12 34 56 78');
  await clickWidget(page, 'button:verify');
  await onScreen(page, 'dashboard');

  await clickWidget(page, `button:cancel_subscription:${contractId}`);
  let state = await onScreen(page, 'cancellation');
  // At the end of the commitment (2027-08-22): from the next day, nothing owed.
  assert.equal(state.cancellation_preview.termination_date, '2027-08-23');
  assert.equal(plain(state.cancellation_preview.early_termination_amount), '0,00 MAD');

  // Earlier: 8 whole months left from 2026-12-15, times 99,00 MAD, shown before confirming.
  await clickWidget(page, 'cancellation_choice:chosen_date');
  await fillField(page, 'termination_date', '2026-12-15');
  state = await waitForState(page, (s) => s.cancellation_preview &&
    s.cancellation_preview.termination_date === '2026-12-15', 'amount previewed');
  assert.equal(plain(state.cancellation_preview.early_termination_amount), '792,00 MAD');
  await screenshot(page, '70-cancellation');

  await clickWidget(page, 'button:confirm_cancellation');
  state = await onScreen(page, 'cancelled');
  assert.equal(state.cancellation.termination_date, '2026-12-15');
  assert.equal(plain(state.cancellation.early_termination_amount), '792,00 MAD');
  assert.equal(state.cancellation.document_version, 2);
  await screenshot(page, '71-cancelled');

  await clickWidget(page, 'button:back_to_subscriptions');
  state = await waitForState(page, (s) => s.screen === 'dashboard' && s.busy === '' &&
    s.subscriptions.find((x) => x.contract_id === contractId).scheduled_changes.length === 1, 'pending termination');
  const pending = state.subscriptions.find((x) => x.contract_id === contractId).scheduled_changes[0];
  assert.equal(pending.status, 'terminated');
  assert.equal(pending.cancellable, true);
  assert.deepEqual(browser.problems, []);
});
