// The staff console's main paths with real clicks and key presses, on the demo database:
// find a customer by CIN, provision a contract and open its PDF; run a billing period and
// open one of its invoices and its PDF; record a partial then
// a full payment on an overdue invoice (the first answer lost on the way: the retry records
// it once) and see its collection case close; and what a read-only viewer is offered.
// Screenshots of each screen go to the test output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState, clickWidget } from './harness.mjs';
import { startConsole, signIn, apiSession, roleEmail, atPlace, typeInto, screenshot } from './console_harness.mjs';

const pdfOpened = (context, fragment) =>
  context.waitForEvent('response', { predicate: (r) => r.url().includes(fragment), timeout: 15000 });

test('find a customer by CIN, provision a contract and open its PDF', { timeout: 180000 }, async (t) => {
  const { page, context, staff } = await startConsole(t);
  await signIn(page, roleEmail('admin'), staff[roleEmail('admin')]);
  await clickWidget(page, 'nav:customers');
  await atPlace(page, 'customers');
  await typeInto(page, 'customer_search', 'AB123456');
  await waitForState(page, (s) => s.customers && s.customers.ids.length === 1 && s.customers.ids[0] === 'cli_demo_amina' && s.busy === '',
    'Amina found by her CIN');
  await screenshot(page, 'console-04-customers');
  await clickWidget(page, 'row:cli_demo_amina');
  await waitForState(page, (s) => s.customers.customer && s.customers.customer.client_id === 'cli_demo_amina' && s.busy === '', 'her page');
  await screenshot(page, 'console-05-customer');

  await clickWidget(page, 'button:new_contract');
  await waitForState(page, (s) => s.contracts && s.contracts.dialog === 'provision' && s.busy === '', 'the provisioning dialog');
  await clickWidget(page, 'choice:offer_id:ofr_internet_fibre500');
  await typeInto(page, 'contract_start_date', '2026-11-23');
  await typeInto(page, 'service_identifier', 'FTTH-RABAT-0042');
  await screenshot(page, 'console-06-provision');
  await clickWidget(page, 'button:confirm_provision');
  const provisioned = await waitForState(page, (s) => s.contracts.contract && s.contracts.dialog === '' && s.busy === '', 'the new contract');
  assert.equal(provisioned.contracts.contract.status, 'active');
  await screenshot(page, 'console-07-contract');

  const pdf = pdfOpened(context, `/contracts/${provisioned.contracts.contract.contract_id}/documents/1`);
  await clickWidget(page, 'button:document:1');
  const answer = await pdf;
  assert.equal(answer.status(), 200);
  assert.match(answer.headers()['content-type'], /application\/pdf/);

  // Suspending from a future date, typed into its dialog: console_tablet.test.mjs.
});

test('run a billing period, open one of its invoices and its PDF', { timeout: 180000 }, async (t) => {
  const { page, context, staff } = await startConsole(t);
  await signIn(page, roleEmail('ops'), staff[roleEmail('ops')]);
  await clickWidget(page, 'nav:billing');
  await atPlace(page, 'billing');
  await clickWidget(page, 'button:run_period');
  await typeInto(page, 'period', '2026-11');
  await clickWidget(page, 'button:preview_run');
  const confirm = await waitForState(page, (s) => s.billing.run.step === 'confirm' && s.busy === '', 'the confirmation');
  assert.ok(confirm.billing.run.contract_count > 0, JSON.stringify(confirm.billing.run));
  await screenshot(page, 'console-09-run-confirm');
  await clickWidget(page, 'button:confirm_run');
  const result = await waitForState(page, (s) => s.billing.run.step === 'result' && s.busy === '', 'the run result');
  assert.equal(result.billing.run.result.invoice_count, confirm.billing.run.contract_count);
  await screenshot(page, 'console-10-run-result');
  await clickWidget(page, 'button:run_invoices');
  const list = await waitForState(page, (s) => s.billing.screen === 'invoices' && s.busy === '' && s.billing.invoices.numbers.length > 0,
    'its invoices');
  await screenshot(page, 'console-11-invoices');
  const first = Object.keys(list.widgets).find((id) => id.startsWith('row:inv_'));
  assert.ok(first, 'an invoice row');
  await clickWidget(page, first);
  const invoice = await waitForState(page, (s) => s.billing.screen === 'invoice' && s.billing.invoice && s.busy === '', 'the invoice');
  await screenshot(page, 'console-12-invoice');
  const pdf = pdfOpened(context, `/invoices/${invoice.billing.invoice.invoice_id}/pdf`);
  await clickWidget(page, 'button:invoice_pdf');
  const answer = await pdf;
  assert.equal(answer.status(), 200);
  assert.match(answer.headers()['content-type'], /application\/pdf/);
});

test('a partial then a full payment on an overdue invoice close its case; a lost answer is retried once', { timeout: 180000 }, async (t) => {
  const { page, server, staff } = await startConsole(t);
  const email = roleEmail('ops');
  const api = await apiSession(server, email, staff[email]);
  await signIn(page, email, staff[email]);
  await clickWidget(page, 'nav:collections');
  const worklist = await waitForState(page, (s) => s.collections && s.collections.cases.length > 0 && s.busy === '', 'the worklist');
  await screenshot(page, 'console-13-collections');
  const caseId = worklist.collections.cases[0];
  await clickWidget(page, `row:${caseId}`);
  const opened = await waitForState(page, (s) => s.collections.case && s.collections.case.case_id === caseId && s.busy === '', 'the case');
  await screenshot(page, 'console-14-case');
  const invoiceId = opened.collections.case.invoice_id;
  await clickWidget(page, 'button:open_invoice');
  const invoice = await waitForState(page, (s) => s.billing && s.billing.invoice && s.billing.invoice.invoice_id === invoiceId && s.busy === '',
    'its invoice');
  const outstanding = invoice.billing.invoice.outstanding_minor;
  assert.ok(outstanding > 1000);

  // The first payment's answer is lost on the way back: the server recorded it, the console
  // saw a network failure. "Try again" sends the same Idempotency-Key.
  let lost = false;
  await page.route('**/api/v1/collections/payments', async (route) => {
    if (route.request().method() === 'POST' && !lost) {
      lost = true;
      await route.fetch(); // reaches the server
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await clickWidget(page, 'button:record_payment');
  await waitForState(page, (s) => s.billing.payment_form.open && s.form.amount !== '', 'the payment form, prefilled');
  await typeInto(page, 'amount', '10,00');
  await clickWidget(page, 'button:save_payment');
  await waitForState(page, (s) => s.notice !== '' && s.widgets['button:retry'], 'the network failure and its retry');
  await screenshot(page, 'console-15-payment-lost');
  await clickWidget(page, 'button:retry');
  const partial = await waitForState(page, (s) => s.busy === '' && s.billing.invoice.outstanding_minor === outstanding - 1000,
    'the invoice partly paid');
  assert.notEqual(partial.billing.invoice.status, 'paid'); // still overdue: partly paid after its due date
  const payments = await api.call('GET', `/collections/payments?invoice_id=${invoiceId}`);
  assert.equal(payments.body.data.filter((p) => p.amount.amount_minor === 1000).length, 1, 'recorded once');

  await clickWidget(page, 'button:record_payment');
  await waitForState(page, (s) => s.billing.payment_form.open && s.billing.payment_form.outstanding_minor === outstanding - 1000,
    'the form with the rest prefilled');
  await clickWidget(page, 'button:save_payment');
  const paid = await waitForState(page, (s) => s.busy === '' && s.billing.invoice.outstanding_minor === 0, 'the invoice paid');
  assert.equal(paid.billing.invoice.status, 'paid');
  const closed = await api.call('GET', `/collections/cases/${caseId}`);
  assert.equal(closed.body.status, 'closed', JSON.stringify(closed.body));
});

test('a viewer is offered no write, on any screen', { timeout: 180000 }, async (t) => {
  const { page, staff } = await startConsole(t);
  const state = await signIn(page, roleEmail('viewer'), staff[roleEmail('viewer')]);
  assert.ok(!state.sections.includes('staff_accounts'));
  const writes = ['button:new_customer', 'button:edit_customer', 'button:new_contract', 'button:suspend', 'button:resume',
    'button:terminate', 'button:change_offer', 'button:run_period', 'button:record_payment', 'button:new_payment',
    'button:new_offer', 'button:change_status', 'button:record_action', 'button:invite'];
  const seen = new Set();
  const visit = async (what, predicate) => {
    const s = await waitForState(page, (st) => st.busy === '' && predicate(st), what);
    for (const id of Object.keys(s.widgets)) seen.add(id);
    await screenshot(page, `console-viewer-${what.replace(/\W+/g, '-')}`);
  };
  for (const section of ['customers', 'contracts', 'offers', 'billing', 'payments', 'collections']) {
    await clickWidget(page, `nav:${section}`);
    await visit(section, (s) => s.place.section === section);
  }
  await clickWidget(page, 'nav:customers');
  await typeInto(page, 'customer_search', 'AB123456');
  await visit('search', (s) => s.customers && s.customers.ids.includes('cli_demo_amina'));
  await clickWidget(page, 'row:cli_demo_amina');
  await visit('a customer', (s) => s.customers.customer && s.customers.customer.contracts.length > 0);
  await clickWidget(page, 'row:ctr_demo_amina');
  await visit('a contract', (s) => s.contracts && s.contracts.contract);
  for (const id of writes) assert.ok(!seen.has(id), `a viewer was offered ${id}`);
});
