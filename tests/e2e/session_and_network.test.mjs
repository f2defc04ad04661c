// What the person keeps when something goes wrong underneath them:
// * their lookup token expires in the middle of a plan change (the server runs on the real
//   clock with the shortest token life it accepts, 60 s): confirming sends them back to
//   verification with the "session expired" message, nothing is changed on the contract,
//   and once verified again they are back on the plan change with their offer and date
//   still chosen, and can finish it;
// * the network fails: the catalog cannot be loaded (status screen, "try again" works once
//   the network is back), and a signup submission is lost on the way (twice: once before
//   the server saw it, once after the server answered): the form stays as typed, and every
//   retry carries the same Idempotency-Key, so the contract is created exactly once;
// * the portal is slow to arrive (its wasm held back): the page says it is loading, then
//   gives way to the offers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startPortal, onScreen, waitForState, clickWidget, fillField, screenshot,
} from './harness.mjs';

const contractId = 'ctr_demo_amina';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// `iso` (YYYY-MM-DD) plus `days`, computed in UTC.
function addDays(iso, days) {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('an expired lookup token sends the customer back to verification, and the plan change resumes', { timeout: 240000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 }, { fixedTime: null, args: ['--lookup-token-ttl', '60'] });

  // Real clock: the date is chosen from the server's own today.
  const bootstrap = await (await fetch(`${server.url}/api/v1/landing/bootstrap`)).json();
  assert.match(bootstrap.today, /^\d{4}-\d{2}-\d{2}$/);
  const effectiveDate = addDays(bootstrap.today, 20);

  await page.goto(`${server.url}/`);
  await onScreen(page, 'offers');
  await clickWidget(page, 'button:existing_customer');
  await onScreen(page, 'verify');
  await fillField(page, 'verify_cin', 'AB123456');
  await fillField(page, 'verify_line', '06 12 34 56 78');
  const verified = page.waitForResponse((r) => r.url().endsWith('/api/v1/landing/clients/verify-cin'));
  await clickWidget(page, 'button:verify');
  const verification = await (await verified).json();
  // The token lives 60 s from now (the server's --lookup-token-ttl), not the default 15 min.
  const expiresAt = Date.parse(verification.expires_at);
  const lifetime = expiresAt - Date.now();
  assert.ok(lifetime > 45000 && lifetime <= 61000, `token valid for ~60 s (${verification.expires_at})`);

  let state = await onScreen(page, 'dashboard');
  assert.equal(state.subscriptions.find((s) => s.contract_id === contractId).offer, 'Mobile Confort');
  await clickWidget(page, `button:change_plan:${contractId}`);
  state = await onScreen(page, 'plan_change');
  const illimite = state.subscriptions.find((s) => s.contract_id === contractId).eligible_offers
    .find((o) => o.name === 'Mobile Illimité');
  assert.ok(illimite, 'Mobile Illimité is offered');
  await clickWidget(page, `offer_choice:${illimite.offer_id}`);
  await waitForState(page, (s) => s.form.target_offer_id === illimite.offer_id, 'offer chosen');
  await fillField(page, 'effective_date', effectiveDate);
  state = await waitForState(page, (s) => Object.keys(s.errors).length === 0 && s.plan_change_preview,
                             'date accepted, first invoice previewed');
  await screenshot(page, '50-plan-change-chosen');

  // The person is away from the keyboard until the token has expired.
  const wait = expiresAt + 1500 - Date.now();
  assert.ok(wait > 0, 'the choices were made before the token expired');
  await sleep(wait);

  await clickWidget(page, 'button:confirm_change');
  state = await onScreen(page, 'verify');
  assert.match(state.notice, /session a expiré/, 'the person is told why');
  assert.match(await page.title(), /^Identifiez-vous/, 'the page title follows the screen');
  // Screen readers hear the same message.
  await page.waitForFunction(() => /session a expiré/.test(document.getElementById('live').textContent));
  assert.equal(state.plan_change, null, 'nothing was changed');
  assert.equal(state.form.verify_cin, 'AB123456', 'the CIN typed before is still there');
  await screenshot(page, '51-session-expired');

  // Verify again (the line too, if the portal did not keep it).
  if (state.form.verify_line !== '06 12 34 56 78') await fillField(page, 'verify_line', '06 12 34 56 78');
  await clickWidget(page, 'button:verify');
  state = await onScreen(page, 'plan_change');
  assert.equal(state.form.target_offer_id, illimite.offer_id, 'the chosen offer is still chosen');
  assert.equal(state.form.effective_date, effectiveDate, 'the typed date is still there');
  assert.deepEqual(state.errors, {});
  assert.match(state.notice, /Identité vérifiée/, 'the person is told they can continue');
  assert.match(await page.title(), /^Changer d'offre/);
  assert.equal(state.subscriptions.find((s) => s.contract_id === contractId).offer, 'Mobile Confort',
               'the expired attempt changed nothing');
  await screenshot(page, '52-plan-change-resumed');

  await clickWidget(page, 'button:confirm_change');
  state = await onScreen(page, 'plan_changed');
  assert.equal(state.plan_change.contract_id, contractId);
  assert.equal(state.plan_change.offer, 'Mobile Illimité');
  assert.equal(state.plan_change.effective_date, effectiveDate);
  assert.ok(state.plan_change.scheduled_change_id, 'dated later: scheduled (issue #15)');
  assert.equal(state.notice, null);
  await screenshot(page, '53-plan-changed-after-reverification');
  assert.deepEqual(browser.problems, []);
});

const person = {
  cin: 'LM135790',
  first_name: 'Nadia',
  last_name: 'Tazi',
  phone: '0662113355',
  email: 'nadia.tazi@example.ma',
  address: '8 rue Moulay Youssef, Tanger',
  service_identifier: '0677445566',
  contract_start_date: '2026-12-15',
};

test('a network failure keeps what was typed and the retry goes through', { timeout: 180000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 });

  // (a) The catalog cannot be loaded: both the page's early request and the portal's own.
  let catalogAborted = 0;
  const offline = (route) => { ++catalogAborted; return route.abort('internetdisconnected'); };
  await page.route('**/api/v1/landing/bootstrap', offline);
  await page.goto(`${server.url}/`);
  let state = await waitForState(page, (s) => s.screen === 'unreachable', 'the server-unreachable screen');
  assert.ok(catalogAborted >= 1, 'the catalog was asked for');
  assert.match(state.notice, /Impossible de joindre le serveur/);
  assert.ok(state.widgets['status:problem'] && state.widgets['status:problem'].visible, 'the problem is shown');
  // Screen readers hear it too, and the tab says so.
  await page.waitForFunction(() => /Impossible de joindre le serveur/.test(document.getElementById('live').textContent));
  assert.match(await page.title(), /^Portail indisponible/);
  assert.ok(state.widgets['button:retry'].visible && state.widgets['button:retry'].enabled, 'a retry button');
  assert.equal(state.offers, undefined, 'no catalog');
  await screenshot(page, '54-server-unreachable');

  await page.unroute('**/api/v1/landing/bootstrap', offline);
  await clickWidget(page, 'button:retry');
  state = await onScreen(page, 'offers');
  assert.ok(state.offers.length > 0, 'the offers are there once the network is back');
  await screenshot(page, '55-offers-after-retry');

  // (b) A signup whose submission is lost on the way.
  const offer = state.offers.find((o) => o.family === 'mobile');
  await clickWidget(page, `offer:${offer.offer_id}`);
  await onScreen(page, 'signup');
  for (const [field, value] of Object.entries(person)) await fillField(page, field, value);
  state = await waitForState(page, (s) => Object.keys(s.errors).length === 0, 'no field error');
  const typed = state.form;

  // 1st request: the connection drops before the server sees it. 2nd: the server creates
  // the contract but its answer is lost. Later ones go through.
  const submissions = [];
  let lostAnswer = null;
  await page.route('**/api/v1/landing/submit/new', async (route) => {
    const request = route.request();
    submissions.push({ key: request.headers()['idempotency-key'], body: request.postDataJSON() });
    if (submissions.length === 1) return route.abort('internetdisconnected');
    if (submissions.length === 2) {
      const response = await route.fetch();
      lostAnswer = { status: response.status(), body: await response.json() };
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });

  const failedSubmission = async (n) => {
    await clickWidget(page, 'button:submit');
    const s = await waitForState(page, (x) => submissions.length === n && x.busy === '' && x.notice,
                                 `submission ${n} failed`);
    assert.equal(s.screen, 'signup', 'still on the form');
    assert.match(s.notice, /La connexion a échoué\. Vos informations sont conservées/);
    assert.deepEqual(s.form, typed, 'the form is exactly as typed');
    assert.deepEqual(s.errors, {}, 'no field is blamed');
    assert.equal(s.contract, null);
    return s;
  };
  await failedSubmission(1);
  await page.waitForFunction(() => /La connexion a échoué/.test(document.getElementById('live').textContent));
  await screenshot(page, '56-network-failed-before-server');

  await failedSubmission(2);
  assert.equal(lostAnswer.status, 201, `the server did create the contract: ${JSON.stringify(lostAnswer.body)}`);
  await screenshot(page, '57-network-failed-after-server');

  await clickWidget(page, 'button:submit');
  state = await onScreen(page, 'confirmation');
  assert.equal(submissions.length, 3);
  assert.match(submissions[0].key, /\S{16,}/, 'the submission carries an Idempotency-Key');
  for (const s of submissions.slice(1)) {
    assert.equal(s.key, submissions[0].key, 'every retry carries the same Idempotency-Key');
    assert.deepEqual(s.body, submissions[0].body, 'and the same details');
  }
  assert.match(state.contract.contract_number, /^CTR-2026-\d{6}$/);
  assert.equal(state.contract.contract_number, lostAnswer.body.contract_number,
               'the retry got the contract the lost answer was about, not a second one');
  assert.equal(state.notice, null);
  await screenshot(page, '58-confirmation-after-retries');

  // The new client has exactly one contract.
  const verify = await page.request.post(`${server.url}/api/v1/landing/clients/verify-cin`, {
    data: { cin: person.cin, service_identifier: person.service_identifier },
  });
  assert.equal(verify.status(), 200);
  const { lookup_token: token } = await verify.json();
  const listed = await page.request.get(
    `${server.url}/api/v1/landing/clients/${person.cin}/subscriptions?lookup_token=${encodeURIComponent(token)}`);
  assert.equal(listed.status(), 200);
  const { subscriptions } = await listed.json();
  assert.equal(subscriptions.length, 1, 'one contract, whatever the number of tries');
  assert.deepEqual(browser.problems, []);
});

test('a slow start shows the loading message, then the offers replace it', { timeout: 120000 }, async (t) => {
  const { server, browser, page } = await startPortal(t, { width: 1280, height: 800 });

  // The portal's code is held back, as on a slow network, until the message has shown.
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/portal.wasm', async (route) => { await released; await route.continue(); });
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    window.statusHiddenWhenParsed = document.getElementById('status').hidden;
  }));
  await page.goto(`${server.url}/`, { waitUntil: 'commit' });
  // Not at once (a message that flashes for a fraction of a second tells nothing)...
  await page.waitForFunction(() => window.statusHiddenWhenParsed !== undefined);
  assert.equal(await page.evaluate(() => window.statusHiddenWhenParsed), true, 'no message at first');
  // ...but once loading takes long.
  await page.waitForFunction(() => !document.getElementById('status').hidden, null, { timeout: 5000 });
  assert.match(await page.textContent('#status'), /Chargement du portail/);
  assert.match(await page.textContent('#status'), /Loading the portal/);
  assert.equal(await page.getAttribute('#status', 'role'), 'status', 'announced politely');
  await screenshot(page, '59-slow-start-loading');

  release();
  await onScreen(page, 'offers');
  assert.equal(await page.evaluate(() => document.getElementById('status').hidden), true, 'the message is gone');
  assert.equal(await page.evaluate(() => document.getElementById('canvas').style.visibility), 'visible');
  assert.deepEqual(browser.problems, []);
});
