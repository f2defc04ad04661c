// The staff console on a 768 x 1024 tablet: every section's list is on screen with no value
// cut off (the console reports each cell whose text did not fit its column: "clipped"), and
// the keyboard path a person uses all day: `/` focuses the search, the arrows move down the
// rows, Enter opens one. Screenshots of each section at that width go to the test output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState, clickWidget, settledState } from './harness.mjs';
import { startConsole, signIn, roleEmail, atPlace, typeInto, apiSession, screenshot } from './console_harness.mjs';

const tablet = { width: 768, height: 1024 };

// Each section's list, and what its state holds once its rows are there.
const lists = [
  ['today', (s) => s.today && s.busy === ''],
  ['customers', (s) => s.customers && s.customers.ids.length > 0 && s.busy === ''],
  ['contracts', (s) => s.contracts && s.contracts.ids && s.contracts.ids.length > 0 && s.busy === ''],
  ['billing', (s) => s.billing && s.busy === ''],
  ['payments', (s) => s.payments && s.busy === ''],
  ['collections', (s) => s.collections && s.collections.cases.length > 0 && s.busy === ''],
  ['offers', (s) => s.offers && s.busy === ''],
  ['staff_accounts', (s) => s.staff_accounts && s.busy === ''],
];

test('every list fits a 768-px tablet with no value cut off', { timeout: 240000 }, async (t) => {
  const { page, staff } = await startConsole(t, tablet);
  await signIn(page, roleEmail('admin'), staff[roleEmail('admin')]);
  for (const [section, ready] of lists) {
    await clickWidget(page, `nav:${section}`);
    await atPlace(page, section);
    await waitForState(page, ready, `the ${section} list`);
    const state = await settledState(page, `${section} laid out`);
    await screenshot(page, `console-tablet-${section}`);
    assert.deepEqual(state.cut, [], `${section}: values cut off at 768 px`);
  }
});

// What a person does all day with the keyboard alone: `/` puts the cursor in the search, the
// arrows move along the rows, a CIN typed there finds the customer, the Down arrow moves onto
// her row and Enter opens it. Her page and her contract's fit the tablet too.
test('keyboard only: `/` to search, arrows and Enter to open a customer; suspend her line from a future date', { timeout: 180000 }, async (t) => {
  const { page, staff, server } = await startConsole(t, tablet);
  await signIn(page, roleEmail('ops'), staff[roleEmail('ops')]);
  await clickWidget(page, 'nav:customers');
  await atPlace(page, 'customers');
  await waitForState(page, (s) => s.customers && s.customers.ids.length > 1 && s.busy === '', 'the customers list');
  const listed = await settledState(page, 'the customers list laid out');
  const [first, second] = listed.customers.ids;
  const rowFocused = (id) => (s) => s.widgets[`row:${id}`] && s.widgets[`row:${id}`].focused;
  await page.keyboard.press('/');
  await waitForState(page, (s) => s.widgets['field:customer_search'].focused, 'the search field focused by /');
  await page.keyboard.press('ArrowDown');
  await waitForState(page, rowFocused(first), 'the first row focused by the Down arrow');
  await page.keyboard.press('ArrowDown');
  await waitForState(page, rowFocused(second), 'the second row focused by the Down arrow');
  await page.keyboard.press('ArrowUp');
  await waitForState(page, rowFocused(first), 'the first row again, by the Up arrow');
  await page.keyboard.press('/');
  await waitForState(page, (s) => s.widgets['field:customer_search'].focused, 'the search field focused by /');
  await page.keyboard.type('AB123456', { delay: 40 });
  await waitForState(page, (s) => s.customers.ids.length === 1 && s.customers.ids[0] === 'cli_demo_amina' && s.busy === '',
    'Amina found by her CIN');
  await page.keyboard.press('ArrowDown');
  await waitForState(page, rowFocused('cli_demo_amina'), 'her row focused by the Down arrow');
  await page.keyboard.press('Enter');
  await waitForState(page, (s) => s.customers.customer && s.customers.customer.client_id === 'cli_demo_amina' &&
    s.busy === '', 'her page opened by Enter');
  const state = await settledState(page, 'her page laid out');
  await screenshot(page, 'console-tablet-customer');
  assert.deepEqual(state.cut, [], 'customer page: values cut off at 768 px');

  // Her contract's page, and a suspension from a future date typed into its dialog.
  await clickWidget(page, 'row:ctr_demo_amina');
  await waitForState(page, (s) => s.contracts && s.contracts.contract &&
    s.contracts.contract.contract_id === 'ctr_demo_amina' && s.busy === '', 'her contract');
  const contract = await settledState(page, 'her contract laid out');
  await screenshot(page, 'console-tablet-contract');
  assert.deepEqual(contract.cut, [], 'contract page: values cut off at 768 px');
  await clickWidget(page, 'button:suspend');
  await waitForState(page, (s) => s.contracts.dialog === 'status' && s.busy === '', 'the suspension dialog');
  await typeInto(page, 'effective_date', '2026-12-15');
  await typeInto(page, 'reason', 'Demande du client');
  await screenshot(page, 'console-tablet-suspend');
  await clickWidget(page, 'button:confirm_status');
  // Dated later, it is scheduled: the contract stays active and lists the change.
  const scheduled = await waitForState(page, (s) => s.contracts.dialog === '' && s.busy === '' &&
    s.contracts.contract.scheduled_changes.length === 1, 'the suspension scheduled');
  assert.equal(scheduled.contracts.contract.status, 'active');
  const change = scheduled.contracts.contract.scheduled_changes[0];
  assert.equal(change.status, 'suspended');
  assert.equal(change.effective_date, '2026-12-15');
  const laidOut = await settledState(page, 'the scheduled change laid out');
  assert.deepEqual(laidOut.cut, [], 'contract page with a scheduled change: values cut off at 768 px');
  await screenshot(page, 'console-tablet-scheduled');
  // The server has it for the date typed, with the reason.
  const api = await apiSession(server, roleEmail('ops'), staff[roleEmail('ops')]);
  const detail = await api.call('GET', '/contracts/ctr_demo_amina');
  assert.equal(detail.status, 200);
  assert.equal(detail.body.status, 'active');
  assert.equal(detail.body.scheduled_changes[0].change_id, change.change_id);
  assert.equal(detail.body.scheduled_changes[0].reason, 'Demande du client');
  // Cancelled from the page: gone from the page and from the server.
  await clickWidget(page, 'button:cancel_change:' + change.change_id);
  await waitForState(page, (s) => s.busy === '' && s.contracts.contract.scheduled_changes.length === 0,
    'the scheduled change cancelled');
  const after = await api.call('GET', '/contracts/ctr_demo_amina');
  assert.deepEqual(after.body.scheduled_changes, []);
  assert.equal(after.body.status, 'active');
});
