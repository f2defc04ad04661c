// Issue #14: what Chromium gives screen readers of each portal screen (its accessibility tree,
// CDP Accessibility.getFullAXTree): every button, field, link and choice has a name, and a
// field's error is its description (aria-describedby) as well as said in the live region.
// The screens are reached through the accessibility tree only (screen_reader.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './harness.mjs';
import { activate, type, shown, until } from './screen_reader.mjs';

const interactive = new Set(['button', 'textbox', 'searchbox', 'link', 'radio', 'checkbox']);

// The screen's accessibility tree: its interactive nodes with their role, name, description
// and invalid state (ignored nodes, like the page's hidden input, left out).
async function axTree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const property = (n, name) => (n.properties || []).find((p) => p.name === name)?.value?.value;
  return nodes
    .filter((n) => !n.ignored && interactive.has(n.role?.value))
    .map((n) => ({
      role: n.role.value,
      name: (n.name?.value || '').trim(),
      description: n.description?.value || '',
      invalid: property(n, 'invalid'),
    }));
}

async function checkScreen(cdp, screen, expected) {
  const nodes = await axTree(cdp);
  const unnamed = nodes.filter((n) => n.name === '');
  assert.deepEqual(unnamed, [], `${screen}: every button, field and link has a name`);
  for (const [role, name] of expected)
    assert.ok(nodes.some((n) => n.role === role && n.name === name), `${screen}: a ${role} named "${name}"`);
  return nodes;
}

test('each portal screen gives screen readers named widgets, and a field error as its description',
  { timeout: 120000 }, async (t) => {
    const { server, page, browser } = await startPortal(t);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const role = (r, name) => page.getByRole(r, { name, exact: true });
    await page.goto(`${server.url}/`);

    await shown(role('button', 'Je suis déjà client'));
    await checkScreen(cdp, 'offers', [['button', 'FR'], ['button', 'Choisir cette offre']]);

    // The signup form, then back to the offers.
    await activate(role('button', 'Choisir cette offre').first());
    await shown(role('textbox', 'Prénom'));
    const signup = await checkScreen(cdp, 'signup', [['textbox', 'CIN'], ['textbox', 'Adresse'],
      ['radio', 'Sans engagement'], ['button', 'Valider la souscription']]);
    assert.equal(signup.find((n) => n.name === 'CIN').description, 'Ex. AB123456', 'the hint describes the field');
    await activate(role('button', "Changer d'offre"));

    await activate(await shown(role('button', 'Je suis déjà client')));
    const cin = await shown(role('textbox', "CIN (carte d'identité nationale)"));
    await type(cin, '12AB');
    await type(role('textbox', 'Numéro de ligne'), '06 12 34 56 78'); // leaving the CIN shows its error
    await until(async () => (await cin.getAttribute('aria-invalid')) === 'true', 'the CIN marked invalid');
    const verify = await checkScreen(cdp, 'verify', [['button', 'Vérifier'], ['button', 'Retour aux offres']]);
    const field = verify.find((n) => n.role === 'textbox' && n.name.startsWith('CIN'));
    assert.equal(field.invalid, 'true');
    assert.match(field.description, /^CIN invalide/, 'the error is the field\'s description (aria-describedby)');
    assert.match(await page.locator('#live').textContent(), /CIN invalide/, 'and said in the live region');

    await type(cin, 'AB123456');
    await until(async () => (await cin.getAttribute('aria-invalid')) === null, 'the CIN accepted');
    await activate(role('button', 'Vérifier'));
    await shown(page.getByRole('heading', { level: 1, name: /^Bonjour Amina/ }));
    await checkScreen(cdp, 'dashboard', [['button', "Changer d'offre"], ['button', 'Mes factures']]);

    await activate(role('button', "Changer d'offre"));
    await shown(role('textbox', "Date d'effet"));
    await checkScreen(cdp, 'plan change', [['radio', 'Mobile Illimité'], ['button', 'Confirmer le changement']]);
    await activate(role('button', 'Retour'));

    await activate(await shown(role('button', 'Mes factures')));
    await shown(role('heading', 'Vos factures'));
    await checkScreen(cdp, 'invoices', [['button', 'Toutes'], ['button', 'Retour à mes abonnements']]);
    assert.deepEqual(browser.problems, []);
  });
