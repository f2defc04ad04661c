// Issue #15, an existing customer adds a line: she starts an ordinary signup with her own CIN,
// the server says the CIN is a client's, the portal offers to verify (her CIN filled in), she
// proves it with her line, and is back on the form with her offer, new line and date kept,
// without the details her record has. The contract is in her name; her dashboard then lists
// both lines, and its "Add a line" opens the offers for her.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {
    clickWidget,
    fillField,
    onScreen,
    pdfText,
    screenshot,
    startPortal,
    waitForState,
} from './harness.mjs';

test('an existing customer adds a line: verify when asked, the form kept, the contract in her name', {timeout : 180000},
     async (t) => {
         const {server, browser, page} = await startPortal(t, {width : 1280, height : 800});

         await page.goto(`${server.url}/`);
         await onScreen(page, 'offers');
         await clickWidget(page, 'offer:ofr_mobile_essentiel');
         await onScreen(page, 'signup');
         await fillField(page, 'cin', 'AB123456');
         await fillField(page, 'first_name', 'Amina');
         await fillField(page, 'last_name', 'El Idrissi');
         await fillField(page, 'phone', '06 12 34 56 78');
         await fillField(page, 'email', 'amina@example.ma');
         await fillField(page, 'address', '24, rue Ibn Battouta, Rabat');
         await fillField(page, 'service_identifier', '06 70 00 11 22');
         await fillField(page, 'contract_start_date', '2026-11-30');
         await clickWidget(page, 'button:submit');
         let state = await waitForState(page, (s) => s.busy === '' && s.errors.cin, 'the CIN refused as a client\'s');
         assert.match(state.errors.cin, /appartient déjà à un client/);
         await screenshot(page, '80-add-line-cin-is-a-client');

         await clickWidget(page, 'button:verify_identity');
         state = await onScreen(page, 'verify');
         assert.equal(state.form.verify_cin, 'AB123456', 'her CIN is filled in');
         assert.match(state.notice, /ajouter cette ligne/);
         await fillField(page, 'verify_line', '06 12 34 56 78');
         await clickWidget(page, 'button:verify');

         state = await onScreen(page, 'signup');
         assert.equal(state.adding_line_for, 'Amina');
         assert.equal(state.form.service_identifier, '06 70 00 11 22');
         assert.equal(state.form.contract_start_date, '2026-11-30');
         assert.equal(state.form.first_name, '', 'nothing of her details is sent');
         assert.equal(state.widgets['field:cin'], undefined, 'the CIN is not asked again');
         assert.equal(state.widgets['button:save_draft'], undefined, 'no draft for a known client');
         await screenshot(page, '81-add-line-form');

         await clickWidget(page, 'button:submit');
         state = await onScreen(page, 'confirmation');
         const response = await page.request.get(new URL(state.contract.document_download_url, server.url).href);
         assert.equal(response.status(), 200);
         const text = pdfText(await response.body());
         assert.ok(text.includes('Amina') && text.includes('AB123456'), 'the contract is in her name');
         assert.ok(text.includes('Mobile Essentiel'));

         await clickWidget(page, 'button:back_to_account');
         state =
             await waitForState(page, (s) => s.screen === 'dashboard' && s.busy === '' && s.subscriptions.length === 2,
                                'her dashboard with both lines');
         assert.deepEqual(state.subscriptions.map((s) => s.service_identifier).sort(),
                          [ '+212612345678', '+212670001122' ]);
         await screenshot(page, '82-add-line-dashboard');

         // The dashboard's own way in: the offers, for her.
         await clickWidget(page, 'button:add_line');
         state = await onScreen(page, 'offers');
         assert.equal(state.adding_line_for, 'Amina');
         assert.deepEqual(browser.problems, []);
     });
