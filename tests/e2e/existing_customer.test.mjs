// Issue #6, existing customer: offers -> "I am already a customer" -> verification (a
// wrong line refused, then the right one) -> dashboard -> plan change to Mobile Illimité
// from 2026-12-15 -> scheduled (it waits for its date: issue #15) -> shown pending on the dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startPortal, onScreen, waitForState, clickWidget, fillField, screenshot,
} from './harness.mjs';

const contractId = 'ctr_demo_amina';

test('an existing customer verifies, changes plan and gets the new contract version', { timeout: 180000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 });

  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  await clickWidget(page, 'button:existing_customer');
  let state = await onScreen(page, 'verify');
  assert.match(await page.title(), /^Identifiez-vous/, 'the page title follows the screen');

  // Checked as typed with shared/ rules.
  await fillField(page, 'verify_cin', '12AB');
  state = await waitForState(page, (s) => s.errors.verify_cin, 'inline CIN error');
  assert.match(state.errors.verify_cin, /CIN invalide/);

  // A real CIN with a line that is not hers: the server's refusal is shown.
  await fillField(page, 'verify_cin', 'AB123456');
  await fillField(page, 'verify_line', '06 11 22 33 44');
  state = await waitForState(page, (s) => Object.keys(s.errors).length === 0, 'no inline error');
  await clickWidget(page, 'button:verify');
  state = await waitForState(page, (s) => s.busy === '' && s.notice, 'verification refused');
  assert.equal(state.screen, 'verify');
  assert.match(state.notice, /ne correspondent/);
  assert.equal(state.form.verify_cin, 'AB123456', 'what was typed is kept');
  await screenshot(page, '30-verify-refused');

  await fillField(page, 'verify_line', '06 12 34 56 78');
  await clickWidget(page, 'button:verify');
  state = await onScreen(page, 'dashboard');
  assert.equal(state.first_name, 'Amina');
  const subscription = state.subscriptions.find((s) => s.contract_id === contractId);
  assert.ok(subscription, 'her contract is listed');
  assert.equal(subscription.offer, 'Mobile Confort');
  await screenshot(page, '31-dashboard');

  await clickWidget(page, `button:change_plan:${contractId}`);
  state = await onScreen(page, 'plan_change');
  const eligible = state.subscriptions.find((s) => s.contract_id === contractId).eligible_offers;
  const illimite = eligible.find((o) => o.name === 'Mobile Illimité');
  const essentiel = eligible.find((o) => o.name === 'Mobile Essentiel');
  assert.equal(illimite.direction, 'upgrade');
  assert.equal(essentiel.direction, 'downgrade');
  assert.match(illimite.monthly_difference.replace(/[\u00a0\u202f]/g, ' '), /^100,00/);

  await clickWidget(page, `offer_choice:${illimite.offer_id}`);
  await waitForState(page, (s) => s.form.target_offer_id === illimite.offer_id, 'offer chosen');
  // A date in the past is refused as typed (check_plan_change from shared/).
  await fillField(page, 'effective_date', '2026-11-01');
  state = await waitForState(page, (s) => s.errors.effective_date, 'inline date error');
  assert.match(state.errors.effective_date, /pass/);
  await fillField(page, 'effective_date', '2026-12-15');
  state = await waitForState(page, (s) => Object.keys(s.errors).length === 0, 'date accepted');
  // December's invoice as the billing run will compute it (shared/billing/proration):
  // 14 days of Confort (99,00 HT) + 17 days of Illimité (199,00 HT), 20 % VAT, per line.
  state = await waitForState(page, (s) => s.plan_change_preview, 'first invoice preview');
  assert.equal(state.plan_change_preview.lines, 2);
  assert.match(state.plan_change_preview.total.replace(/[\u00a0\u202f]/g, ' '), /^184,61 MAD$/);
  await screenshot(page, '32-plan-change');

  await clickWidget(page, 'button:confirm_change');
  state = await onScreen(page, 'plan_changed');
  assert.equal(state.plan_change.offer, 'Mobile Illimité');
  assert.equal(state.plan_change.direction, 'upgrade');
  assert.equal(state.plan_change.effective_date, '2026-12-15');
  // Dated later, the change waits for its date (issue #15): the contract keeps its version
  // until the server makes it (tests/api/scheduled_offer_changes_test.cpp).
  assert.ok(state.plan_change.scheduled_change_id, 'scheduled');
  await screenshot(page, '33-plan-changed');

  // Back on the dashboard, the contract shows the pending change, which Amina may take back.
  await clickWidget(page, 'button:back_to_subscriptions');
  state = await waitForState(page, (s) => s.screen === 'dashboard' && s.busy === '' &&
    s.subscriptions.find((x) => x.contract_id === contractId).scheduled_changes.length === 1, 'dashboard updated');
  const pending = state.subscriptions.find((x) => x.contract_id === contractId).scheduled_changes[0];
  assert.equal(pending.kind, 'offer');
  assert.equal(pending.cancellable, true);
  assert.deepEqual(browser.problems, []);
});
