// chromium_invoice: the reference for invoice PDFs per second (issue #5). Headless
// Chromium (Debian's, through playwright-core), browser and page kept open, prints an
// HTML invoice equivalent to pdf_bench's 10-line invoice (same fields, logo, fonts
// embedded by Chromium) with page.pdf() in a loop, the way Puppeteer/Gotenberg-based
// billing systems do. Prints docs/s, bytes/doc, and "chromium_docs_per_s=N" last.
// usage: node bench/pdf/chromium_invoice.mjs [seconds=4]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const seconds = Number(process.argv[2] || 4);

const logo = fs.readFileSync(path.join(root, 'web', 'assets', 'logo.png')).toString('base64');
const fmt = (minor) => {
  const s = (minor / 100).toFixed(2).replace('.', ',');
  const [int, dec] = s.split(',');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f') + ',' + dec + '\u00a0MAD';
};
let subtotal = 0; let tax = 0;
const rows = [];
for (let i = 0; i < 10; ++i) {
  const amount = Math.trunc(129900 * 3 / 31); const lineTax = Math.trunc(amount / 5);
  subtotal += amount; tax += lineTax;
  rows.push(`<tr><td><b>Fibre 1 Gb/s \u2013 option ${i + 1}</b><br><small>Du ${1 + 3 * i} mars 2026 au ${3 + 3 * i} mars 2026` +
            `<br>Prix mensuel HT 1\u202f299,00\u00a0MAD</small></td><td>3 / 31</td><td>${fmt(amount)}</td><td>20 %</td>` +
            `<td>${fmt(lineTax)}</td></tr>`);
}
const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Facture FAC-2026-000042</title><style>
@font-face { font-family: DejaVu; src: url(file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf); }
body { font-family: DejaVu, sans-serif; font-size: 10pt; color: #1f242b; margin: 0; }
h1 { color: #0d4a87; font-size: 15pt; } table { width: 100%; border-collapse: collapse; }
th { background: #edf2f7; text-align: right; font-size: 8.5pt; } td { border-bottom: 1px solid #c7cfd9; text-align: right; }
td:first-child, th:first-child { text-align: left; } small { color: #6b7380; } .totals { width: 50%; margin-left: 50%; }
footer { position: fixed; bottom: 0; font-size: 7.5pt; color: #6b7380; }
</style></head><body>
<img src="data:image/png;base64,${logo}" height="42"><h1>Atlas Net SARL</h1>
<p>12 boulevard Zerktouni, 20250 Casablanca, Maroc<br>RC 123456 \u00b7 IF 1234567 \u00b7 ICE 001234567000089</p>
<h2>Facture n\u00b0 FAC-2026-000042</h2><p>\u00c9mise le 1er avril 2026</p>
<h3>Client</h3><p>\u00c9lodie \u00c7ak\u0131r-\u00d1\u00fa\u00f1ez<br>CIN BK123456<br>7 rue des \u00c9rables, Rabat<br>elodie@example.ma</p>
<h3>Abonnement factur\u00e9</h3><p>Contrat n\u00b0 CTR-2026-000001 \u00b7 Abonn\u00e9 0522 12 34 56<br>
P\u00e9riode : mars 2026 (1er mars 2026 \u2013 31 mars 2026)<br>\u00c9ch\u00e9ance : 16 avril 2026</p>
<table><tr><th>Description</th><th>Jours</th><th>Montant HT</th><th>TVA</th><th>Montant TVA</th></tr>${rows.join('')}</table>
<table class="totals"><tr><td>Total HT</td><td>${fmt(subtotal)}</td></tr><tr><td>TVA 20 % sur ${fmt(subtotal)}</td><td>${fmt(tax)}</td></tr>
<tr><td><b>Total TTC</b></td><td><b>${fmt(subtotal + tax)}</b></td></tr><tr><td>D\u00e9j\u00e0 pay\u00e9</td><td>${fmt(0)}</td></tr>
<tr><td><b>Reste \u00e0 payer</b></td><td><b>${fmt(subtotal + tax)}</b></td></tr></table>
<h3>R\u00e8glement</h3><p><b>\u00c0 r\u00e9gler au plus tard le 16 avril 2026.</b></p>
<p>Virement : RIB 011 780 0000123456789012 34, r\u00e9f\u00e9rence FAC-2026-000042.</p>
<p><small>Tout retard de paiement entra\u00eene des p\u00e9nalit\u00e9s au taux l\u00e9gal.</small></p>
<footer>Atlas Net SARL au capital de 1\u00a0000\u00a0000 MAD \u00b7 Service client 0800 00 00 00 \u00b7 www.atlasnet.ma</footer>
</body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--allow-file-access-from-files'],
});
try {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const first = await page.pdf({ format: 'A4', printBackground: true }); // warm-up, not counted
  let count = 0; let bytes = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    await page.setContent(html, { waitUntil: 'load' }); // a new invoice each time, as a billing system does
    bytes += (await page.pdf({ format: 'A4', printBackground: true })).length;
    ++count;
  }
  const elapsed = (performance.now() - start) / 1000;
  const rate = count / elapsed;
  console.log(`${'chromium page.pdf(), 10 lines'.padEnd(28)} ${rate.toFixed(1).padStart(8)} docs/s  ${(bytes / count).toFixed(0).padStart(7)} bytes/doc  (${count} docs in ${elapsed.toFixed(2)} s; first ${first.length} bytes)`);
  console.log(`chromium_docs_per_s=${rate.toFixed(2)}`);
} finally {
  await browser.close();
}
