// Issue #14: the journeys a blind customer or member of staff makes, driven only through the
// page's accessibility tree (the semantics mirror of what the canvas shows), in French and
// English: role and name locators, a screen reader's "activate", typing into the mirrored
// fields; never the test probe or a position on the canvas (screen_reader.mjs).
// - a new customer signs up and gets the contract PDF;
// - an existing customer verifies and changes plan;
// - an existing customer lists invoices and filters them;
// - the app's focus moves the page's (Tab, a form's first field); a new screen takes it to its
//   title (on a phone too) and says its title in the live region;
// - a member of staff signs in, finds a customer and opens a dialog on her page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, pdfText } from './harness.mjs';
import { activate, press, type, shown, until, documentOpened } from './screen_reader.mjs';

const words = {
  fr: {
    locale: 'fr-FR',
    choose: 'Choisir cette offre',
    fields: { cin: 'CIN', first: 'Prénom', last: 'Nom', phone: 'Téléphone', email: 'E-mail', address: 'Adresse',
              line: 'Numéro de ligne', start: 'Date de début' },
    commitment: '12 mois',
    submit: 'Valider la souscription',
    download: 'Télécharger le contrat (PDF)',
    existing: 'Je suis déjà client',
    verifyCin: "CIN (carte d'identité nationale)",
    verifyLine: 'Numéro de ligne',
    verify: 'Vérifier',
    hello: /^Bonjour Amina/,
    changePlan: "Changer d'offre",
    effective: "Date d'effet",
    confirm: 'Confirmer le changement',
    changed: "Votre changement d'offre est enregistré",
    invoices: 'Mes factures',
    invoicesHeading: 'Vos factures',
    paid: 'Payée',
    october: 'octobre 2026',
    august: 'août 2026',
  },
  en: {
    locale: 'en-GB',
    choose: 'Choose this offer',
    fields: { cin: 'CIN', first: 'First name', last: 'Last name', phone: 'Phone', email: 'E-mail', address: 'Address',
              line: 'Line number', start: 'Start date' },
    commitment: '12 months',
    submit: 'Submit my subscription',
    download: 'Download contract (PDF)',
    existing: 'I am already a customer',
    verifyCin: 'CIN (national identity card)',
    verifyLine: 'Line number',
    verify: 'Verify',
    hello: /^Hello Amina/,
    changePlan: 'Change plan',
    effective: 'Effective date',
    confirm: 'Confirm the change',
    changed: 'Your plan change is recorded',
    invoices: 'My invoices',
    invoicesHeading: 'Your invoices',
    paid: 'Paid',
    october: 'October 2026',
    august: 'August 2026',
  },
};

const role = (page, r, name) => page.getByRole(r, { name, exact: true });

// A browser in `lang` on the portal of `server`, closed when `t` ends.
async function portalIn(t, server, lang, path = '/') {
  const browser = await openBrowser({ locale: words[lang].locale });
  t.after(() => browser.close());
  await browser.page.goto(`${server.url}${path}`);
  return browser;
}

async function verifyAs(page, w, cin, line) {
  await activate(await shown(role(page, 'button', w.existing)));
  await type(await shown(role(page, 'textbox', w.verifyCin)), cin);
  await type(role(page, 'textbox', w.verifyLine), line);
  await activate(role(page, 'button', w.verify));
}

test('a new customer signs up to the contract PDF through the accessibility tree, in French and English',
  { timeout: 120000 }, async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const people = {
      fr: { cin: 'JK246810', first: 'Karim', last: 'Alaoui', phone: '0661002003', email: 'karim.alaoui@example.ma',
            address: '12 rue des Orangers, Rabat', line: '0677001122', start: '2026-12-15' },
      en: { cin: 'JK246811', first: 'Zoé', last: 'Østergård', phone: '0661002004', email: 'zoe@example.com',
            address: '3 place des Nations Unies, Casablanca', line: '0677001123', start: '2026-12-16' },
    };
    for (const lang of ['fr', 'en']) {
      const w = words[lang];
      const person = people[lang];
      const { page, context, problems } = await portalIn(t, server, lang);
      await activate(await shown(role(page, 'button', w.choose)));
      // What the browser may fill each field with (its autofill, a password manager's identity).
      const autofill = { cin: 'off', first: 'given-name', last: 'family-name', phone: 'tel', email: 'email',
                         address: 'street-address', line: 'off', start: 'off' };
      for (const [field, label] of Object.entries(w.fields)) {
        const box = await shown(role(page, 'textbox', label));
        assert.equal(await box.getAttribute('autocomplete'), autofill[field], `${lang}: ${label}'s autocomplete`);
        await type(box, person[field]);
      }
      const year = role(page, 'radio', w.commitment);
      await activate(year);
      await until(async () => (await year.getAttribute('aria-checked')) === 'true', `${lang}: 12 months chosen`);
      await activate(role(page, 'button', w.submit));

      const number = await shown(page.getByRole('heading', { level: 1, name: /^CTR-2026-\d{6}$/ }));
      const contractNumber = await number.textContent();
      const url = await documentOpened(page, context, () => press(page, role(page, 'button', w.download)));
      const pdf = await page.request.get(url);
      assert.equal(pdf.status(), 200);
      const text = pdfText(await pdf.body());
      for (const expected of [person.first, person.last, person.cin, contractNumber])
        assert.ok(text.includes(expected), `${lang}: the PDF names ${expected}`);
      assert.deepEqual(problems, []);
    }
  });

test('an existing customer verifies and changes plan through the accessibility tree, in French and English',
  { timeout: 120000 }, async (t) => {
    for (const lang of ['fr', 'en']) {
      const w = words[lang];
      const server = await startServer(); // each language changes Amina's one contract
      t.after(() => server.stop());
      const { page, problems } = await portalIn(t, server, lang);
      await verifyAs(page, w, 'AB123456', '06 12 34 56 78');
      await shown(page.getByRole('heading', { level: 1, name: w.hello }));
      await activate(role(page, 'button', w.changePlan));
      const choices = (await shown(page.getByRole('radiogroup'))).getByRole('radio');
      const illimite = choices.filter({ hasText: 'Mobile Illimité' });
      await activate(illimite);
      await until(async () => (await illimite.getAttribute('aria-checked')) === 'true', `${lang}: offer chosen`);
      await type(role(page, 'textbox', w.effective), '2026-12-15');
      await activate(role(page, 'button', w.confirm));
      await shown(page.getByText(w.changed, { exact: true }));
      assert.deepEqual(problems, []);
    }
  });

test('an existing customer filters their invoices through the accessibility tree, in French and English',
  { timeout: 120000 }, async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    for (const lang of ['fr', 'en']) {
      const w = words[lang];
      const { page, problems } = await portalIn(t, server, lang);
      await verifyAs(page, w, 'BE654321', '05 35 12 34 56');
      await activate(await shown(role(page, 'button', w.invoices)));
      await shown(role(page, 'heading', w.invoicesHeading));
      const october = page.getByText(w.october, { exact: true });
      const august = page.getByText(w.august, { exact: true });
      await shown(october);
      assert.equal(await august.count(), 1, `${lang}: August's invoice is listed`);

      const paid = role(page, 'button', w.paid);
      assert.equal(await paid.getAttribute('aria-pressed'), 'false');
      await activate(paid);
      await until(async () => (await october.count()) === 0, `${lang}: October (overdue) leaves the list`);
      assert.equal(await paid.getAttribute('aria-pressed'), 'true', `${lang}: the filter applied is said pressed`);
      // The twelve-month chart, as text: October's bar is said with its amount.
      assert.equal(await page.getByText(new RegExp(`^${w.october} : 418[,.]80`)).count(), 1, `${lang}: the chart as text`);
      assert.equal(await august.count(), 1, `${lang}: August (paid) stays`);
      assert.deepEqual(problems, []);
    }
  });

test("the app's focus moves the page's: Tab, a form's first field; a new screen's title, said in the live region",
  { timeout: 60000 }, async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const { page, problems } = await portalIn(t, server, 'fr');
    const focused = (locator) => locator.evaluate((el) => el === document.activeElement);
    const live = () => page.evaluate(() => document.getElementById('live').textContent);
    // Every element that took the page's focus, in order.
    await page.evaluate(() => {
      window.focusedNames = [];
      document.addEventListener('focusin', (e) => window.focusedNames.push(e.target.getAttribute('aria-label') || e.target.textContent));
    });
    const offers = await shown(page.getByRole('heading', { level: 1, name: 'Choisissez votre offre' }));
    await until(() => focused(offers), 'the first screen: the page\'s focus on its title');
    const fr = role(page, 'button', 'FR');
    const en = role(page, 'button', 'EN');
    await shown(role(page, 'button', 'Je suis déjà client'));
    await page.keyboard.press('Tab');
    await until(() => focused(fr), 'Tab: the page\'s focus on FR, where the app\'s ring is');
    await page.keyboard.press('Tab');
    await until(() => focused(en), 'Tab again: on EN');
    await activate(role(page, 'button', 'Je suis déjà client'));
    const cin = await shown(role(page, 'textbox', "CIN (carte d'identité nationale)"));
    await until(() => focused(cin), 'the identity check starts in its CIN field');
    assert.equal((await page.evaluate(() => window.focusedNames)).at(-2), 'EN',
                 'from EN straight to the CIN field: the title of a form that starts in its field is not focused first');
    await until(async () => (await live()).startsWith('Identifiez-vous \u2013 '), 'the live region says the new screen\'s title');
    await type(cin, 'AB123456');
    await type(role(page, 'textbox', 'Numéro de ligne'), '06 12 34 56 78');
    await activate(role(page, 'button', 'Vérifier'));
    const hello = await shown(page.getByRole('heading', { level: 1, name: /^Bonjour Amina/ }));
    await until(() => focused(hello), 'the dashboard: the page\'s focus on its title, not on its first button (FR)');
    await until(async () => (await page.title()).startsWith('Vos') && (await live()).startsWith(await page.title()),
                'the live region says the dashboard\'s title');
    await page.keyboard.press('Tab');
    await until(() => page.evaluate(() => document.activeElement.getAttribute('role') === 'button'),
                'Tab from the title: the page\'s focus follows the app\'s to a button');
    assert.deepEqual(problems, []);
  });

test('a member of staff signs in and finds a customer through the accessibility tree', { timeout: 120000 },
  async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const [, email, password] = server.output.match(/demo staff sign-in: (admin@\S+) password (\S+)/);
    const { page, problems } = await portalIn(t, server, 'fr', '/staff/');
    const login = await shown(role(page, 'textbox', 'Adresse e-mail'));
    assert.equal(await login.getAttribute('autocomplete'), 'username');
    const secret = role(page, 'textbox', 'Mot de passe');
    assert.equal(await secret.getAttribute('type'), 'password', 'a password manager sees a password field');
    assert.equal(await secret.getAttribute('autocomplete'), 'current-password');
    await type(login, email);
    await type(secret, password);
    await activate(role(page, 'button', 'Se connecter'));

    const customers = role(page, 'link', 'Clients');
    await activate(await shown(customers));
    await until(async () => (await customers.getAttribute('aria-current')) === 'page',
      'the customers section is the current one');
    await until(() => page.evaluate(() => document.title.startsWith('Clients') &&
                                           document.getElementById('live').textContent.startsWith(document.title)),
      'the live region says the section\'s title');
    await type(await shown(role(page, 'searchbox', 'Nom, CIN ou téléphone (/ pour chercher)')), 'AB123456');
    const amina = await shown(role(page, 'link', 'Amina El Idrissi'));
    await until(async () => (await page.getByRole('row').count()) === 2, 'one customer found, under the header');
    const headers = await page.getByRole('columnheader').allTextContents();
    assert.deepEqual(headers.slice(0, 2), ['Nom', 'CIN']);
    await activate(amina);
    const her = await shown(page.getByRole('heading', { level: 1, name: 'Amina El Idrissi' }));
    await until(() => her.evaluate((el) => el === document.activeElement), 'her page: the page\'s focus on its title');

    // A dialog: modal, named by its title, holding its own fields and choices.
    await activate(role(page, 'button', 'Nouveau contrat'));
    const dialog = await shown(role(page, 'dialog', 'Nouveau contrat'));
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    assert.ok(await dialog.getByRole('radio').count() >= 4, 'the commitment choices are in the dialog');
    assert.ok(await dialog.getByRole('textbox').count() >= 2, 'its fields are in the dialog');
    assert.deepEqual(problems, []);
  });
