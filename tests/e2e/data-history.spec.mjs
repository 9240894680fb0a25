// "Your checks on this device": an analysis kept in the browser's IndexedDB,
// compared with the next one ("since your last check"), still listed after a
// reload and opened again with or without its file; one removed, then all
// with the confirm step; the in-memory fallback where IndexedDB is refused;
// Polish; axe-core; phone and desktop screenshots.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { guardPage, expectNoAxeViolations } from './helpers.mjs';
import { openDataView, expectReport, runSample, runSampleIn, totalValue, understood, pageWidth } from './data-helpers.mjs';

guardPage(test);

// Local time is not UTC, so the list's times show the reader's own clock.
test.use({ timezoneId: 'Europe/Warsaw' });

const SAMPLE = 'Sample café orders (generated)';
const SHOP = 'shop-2025.csv';

/**
 * A small shop's year (2025), written as a Polish spreadsheet saves it
 * (semicolons, decimal commas): 12 customers, each [first day of the year,
 * days between orders, orders, amount]. 69 orders; October's retention is
 * 100 %, 3 customers are at risk and nobody is a VIP.
 */
function shopCsv() {
  const customers = [[0, 20, 12, 25], [5, 30, 8, 40], [10, 45, 3, 15], [15, 15, 6, 12], [40, 25, 10, 30], [60, 60, 2, 80],
    [90, 30, 7, 22], [120, 10, 4, 9], [150, 40, 5, 18], [200, 20, 6, 35], [250, 30, 3, 14], [300, 7, 3, 11]];
  const day = (n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
  const rows = ['Customer;Date;Amount'];
  customers.forEach(([first, gap, orders, amount], i) => {
    for (let k = 0; k < orders; k += 1) rows.push(`K${String(i + 1).padStart(2, '0')};${day(first + k * gap)};${amount},50`);
  });
  return `${rows.join('\n')}\n`;
}

/** Chooses the shop's file in the orders input and waits for its report. */
async function analyseShop(page) {
  await page.locator('#data-file').setInputFiles({ name: SHOP, mimeType: 'text/csv', buffer: Buffer.from(shopCsv()) });
  await expectReport(page);
  await expect(page.locator('#data-status')).toHaveText('Analysis ready: 69 orders from 12 customers.');
}

/** The page's clock, from now on (timers still run). */
const setClock = (page, iso) => page.clock.setFixedTime(new Date(iso));

const history = (page) => page.locator('#data-history');
const keepButton = (page) => page.locator('#history-keep');
const entries = (page) => page.locator('#history-list > li');
const change = (page, figure) => page.locator(`#history-compare li[data-figure="${figure}"]`);

async function keep(page, { withFile = false } = {}) {
  if (withFile) await page.getByLabel('Also keep the file, so it can be analysed again without dropping it').check();
  await keepButton(page).click();
  await expect(page.locator('#history-status')).toHaveText(withFile
    ? 'This check and its file are kept on this device.'
    : 'This check is kept on this device.');
}

/** The sample kept on 3 March, then the shop's file kept on 14 April. */
async function keepTwoChecks(page) {
  await setClock(page, '2026-03-03T10:05:00Z');
  await openDataView(page);
  await runSample(page);
  await keep(page);
  await setClock(page, '2026-04-14T08:30:00Z');
  await analyseShop(page);
  await keep(page);
}

test('a kept check is compared with the next analysis, figure by figure, better and worse in words', async ({ page }) => {
  await setClock(page, '2026-03-03T10:05:00Z');
  await openDataView(page);
  await expect(history(page).getByRole('heading', { name: 'Your checks on this device' })).toBeVisible();
  await expect(page.locator('#history-empty')).toHaveText(/^No checks kept yet\./);
  await expect(page.locator('#history-not-kept')).toBeHidden(); // IndexedDB works here

  await runSample(page);
  await expect(page.locator('#history-compare')).toHaveCount(0); // nothing to compare with yet
  await expect(keepButton(page)).toHaveText('Keep this check on this device');
  await keep(page);
  await expect(keepButton(page)).toHaveText('Kept on this device');
  await expect(keepButton(page)).toHaveAttribute('aria-disabled', 'true');
  await expect(keepButton(page)).toBeFocused(); // the press does not lose the focus
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first().locator('.history-item__title')).toHaveText(`Mar 3, 2026, 11:05 AM — ${SAMPLE}`);
  await expect(entries(page).first().locator('.history-item__covers')).toHaveText('Sep 1, 2024 – Nov 20, 2026 · by month');
  await expect(entries(page).first().locator('.history-item__figures li')).toHaveText(
    ['Retention 84.3%', 'Churn 15.7%', 'Customers 600', 'Revenue $87,050.20']);
  await expect(page.locator('#history-compare')).toHaveCount(0); // itself is no "last check"

  await setClock(page, '2026-04-14T08:30:00Z');
  await analyseShop(page);
  await expect(keepButton(page)).toHaveText('Keep this check on this device');
  const compare = page.locator('#history-compare');
  await expect(compare.getByRole('heading')).toHaveText(`Since your last check (March 3, 2026, ${SAMPLE})`);
  // Retention and churn name their months, which differ; the rest are the whole logs'.
  const expected = {
    retention_rate: ['Retention', '84.3% (Oct 2026) → 100% (Oct 2025)', '↑ better'],
    churn_rate: ['Churn', '15.7% (Oct 2026) → 0% (Oct 2025)', '↓ better'],
    customers: ['Customers', '600 → 12', '↓ worse'],
    repeat_purchase_rate: ['Repeat customers', '63.7% → 100%', '↑ better'],
    aov: ['Average order', '$7.56 → $26.04', '↑ better'],
    revenue: ['Revenue', '$87,050.20 → $1,796.50', '↓ worse'],
    vip: ['VIPs', '35 → 0', '↓ worse'],
    at_risk: ['At risk', '35 → 3', '↓ better'],
  };
  await expect(compare.locator('li')).toHaveCount(8);
  for (const [figure, [label, values, verdict]] of Object.entries(expected)) {
    await expect(change(page, figure).locator('.history-change__label')).toHaveText(label);
    await expect(change(page, figure).locator('.history-change__values')).toHaveText(values);
    await expect(change(page, figure).locator('.trend')).toHaveText(verdict);
  }
  await expect(change(page, 'at_risk')).toHaveAttribute('data-verdict', 'better');

  // Kept too, it is the newest; what it is compared with stays the check before it.
  await keep(page);
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).locator('.history-item__file')).toHaveText([SHOP, SAMPLE]); // newest first
  await expect(compare.getByRole('heading')).toHaveText(`Since your last check (March 3, 2026, ${SAMPLE})`);
});

test('after a reload the checks are still listed; one kept without its file opens as it was, with Back to the current analysis', async ({ page }) => {
  await keepTwoChecks(page);

  await page.reload();
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await expect(entries(page)).toHaveCount(2);
  await expect(page.locator('#data-totals')).toHaveCount(0); // no analysis: the file is gone with the page

  await page.getByRole('button', { name: `Open the check of Mar 3, 2026, 11:05 AM, ${SAMPLE}` }).click();
  const banner = page.locator('#history-reopened');
  await expect(banner.getByRole('heading')).toHaveText(`A check from March 3, 2026, ${SAMPLE}, reopened from this device`);
  await expect(banner.getByRole('heading')).toBeFocused();
  await expect(banner).toContainText('Its file was not kept');
  await expect(banner.getByRole('button', { name: 'Back to the current analysis' })).toHaveCount(0); // there is none
  // Its figures, from the report as kept.
  await expect(understood(page, 'source')).toHaveText(SAMPLE);
  await expect(totalValue(page, 'customers')).toHaveText('600');
  await expect(totalValue(page, 'revenue')).toHaveText('$87,050.20');
  await expect(page.locator('#data-periods tbody tr')).toHaveCount(27);
  await expect(page.locator('#data-rates-chart svg.chart__svg')).toBeVisible();
  // What needs the file is off, and says why; what the report itself holds still downloads.
  await expect(page.getByRole('button', { name: 'Change columns' })).toBeDisabled();
  await expect(page.locator('#data-segments button[data-segment="vip"]')).toBeDisabled();
  await expect(page.locator('#data-segments-status')).toHaveText('Drop the file again to download these.');
  await expect(page.locator('#data-customers')).toBeHidden();
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the totals as CSV' }).click();
  expect(readFileSync(await (await csv).path(), 'utf8')).toContain('Customers,600');
  await expect(keepButton(page)).toHaveText('Kept on this device');
  await expect(page.locator('#history-compare')).toHaveCount(0); // the first check has none before it

  // The newer one, opened in its place, is compared with the one before it.
  await page.getByRole('button', { name: `Open the check of Apr 14, 2026, 10:30 AM, ${SHOP}` }).click();
  await expect(banner.getByRole('heading')).toHaveText(`A check from April 14, 2026, ${SHOP}, reopened from this device`);
  await expect(totalValue(page, 'customers')).toHaveText('12');
  await expect(page.locator('#history-compare').getByRole('heading')).toHaveText(`Since your last check (March 3, 2026, ${SAMPLE})`);
  await expect(change(page, 'customers').locator('.history-change__values')).toHaveText('600 → 12');

  // With an analysis on screen, a kept check opens in front of it, and Back returns to it.
  await page.locator('#data-sample').click();
  await expectReport(page);
  await expect(banner).toHaveCount(0);
  await expect(page.locator('#data-customers')).toBeVisible();
  await page.getByRole('button', { name: `Open the check of Apr 14, 2026, 10:30 AM, ${SHOP}` }).click();
  await expect(totalValue(page, 'customers')).toHaveText('12');
  await expect(page.locator('#data-customers')).toBeHidden();
  await banner.getByRole('button', { name: 'Back to the current analysis' }).click();
  await expect(banner).toHaveCount(0);
  await expect(totalValue(page, 'customers')).toHaveText('600');
  await expect(page.locator('#data-understood-heading')).toBeFocused();
  await expect(page.locator('#data-status')).toHaveText('Showing the current analysis again.');
  await expect(page.locator('#data-customers')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change columns' })).toBeEnabled();
});

test('a change of language keeps a reopened check on screen; Back then analyses the current file again in that language', async ({ page }) => {
  await setClock(page, '2026-03-03T10:05:00Z');
  await openDataView(page);
  await runSample(page);
  await keep(page);
  await analyseShop(page);
  await page.getByRole('button', { name: /^Open the check of .*Sample café/ }).click();
  await expect(totalValue(page, 'customers')).toHaveText('600');

  await page.locator('#language').selectOption('pl');
  const banner = page.locator('#history-reopened');
  await expect(banner.getByRole('heading')).toHaveText(`Analiza z 3 marca 2026, ${SAMPLE}, otwarta ponownie z tego urządzenia`);
  await expect(totalValue(page, 'customers')).toHaveText('600');
  await expect(keepButton(page)).toHaveText('Zachowano na tym urządzeniu');
  await banner.getByRole('button', { name: 'Wróć do bieżącej analizy' }).click();
  await expect(page.locator('#data-status')).toHaveText('Analiza gotowa: 69 zamówień od 12 klientów.');
  await expect(banner).toHaveCount(0);
  await expect(totalValue(page, 'customers')).toHaveText('12');
  await expect(page.locator('#data-understood-heading')).toBeFocused();
  await expect(keepButton(page)).toHaveText('Zachowaj tę analizę na tym urządzeniu');
  await expect(page.locator('#data-customers')).toBeVisible();
});

test('a check kept with its file opens by analysing the file again, so its downloads work', async ({ page }) => {
  await setClock(page, '2026-04-14T08:30:00Z');
  await openDataView(page);
  await analyseShop(page);
  await keep(page, { withFile: true });
  await expect(keepButton(page)).toHaveText('Kept on this device, with its file');
  await expect(page.locator('#history-keep-file')).toBeHidden();
  await expect(entries(page).first().locator('.history-item__covers')).toHaveText('Jan 1, 2025 – Nov 11, 2025 · by month · file kept');

  await page.reload();
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await page.getByRole('button', { name: `Open the check of Apr 14, 2026, 10:30 AM, ${SHOP}` }).click();
  await expectReport(page);
  await expect(page.locator('#data-status')).toHaveText('Analysis ready: 69 orders from 12 customers.');
  const banner = page.locator('#history-reopened');
  await expect(banner.getByRole('heading')).toHaveText(`A check from April 14, 2026, ${SHOP}, reopened from this device`);
  await expect(banner).toContainText('Its kept file was analysed again, as if you had dropped it.');
  await expect(banner.getByRole('heading')).toBeFocused();
  await expect(understood(page, 'source')).toHaveText(SHOP);
  await expect(understood(page, 'decimal')).toHaveText(/comma/i);
  await expect(keepButton(page)).toHaveText('Kept on this device, with its file');

  // The segment's customers come from the file, as after a drop.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the At risk list (CSV)' }).click();
  const lines = readFileSync(await (await downloading).path(), 'utf8').slice(1).split(/\r?\n/).filter(Boolean);
  expect(lines).toHaveLength(4); // a heading and the 3 customers at risk
  await expect(page.locator('#data-customers')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change columns' })).toBeEnabled();

  // Another window makes it another check: the banner says so, and it can be kept.
  await page.getByLabel('Activity window (days)').fill('60');
  await expect(banner).toContainText('not those it was kept with (by month, a 90-day window)');
  await expect(keepButton(page)).toHaveText('Keep this check on this device');
  await page.getByLabel('Activity window (days)').fill('90');
  await expect(banner).toContainText('as if you had dropped it');
  await expect(keepButton(page)).toHaveText('Kept on this device, with its file');
});

test('one check removed, then every check with the confirm step in the page', async ({ page }) => {
  await keepTwoChecks(page);
  await expect(entries(page)).toHaveCount(2);

  await page.getByRole('button', { name: `Remove the check of Apr 14, 2026, 10:30 AM, ${SHOP}` }).click();
  await expect(page.locator('#history-status')).toHaveText(`Removed the check of Apr 14, 2026, 10:30 AM, ${SHOP}.`);
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).locator('.history-item__file')).toHaveText([SAMPLE]);
  // The focus goes to the entry now in its place.
  await expect(page.getByRole('button', { name: `Remove the check of Mar 3, 2026, 11:05 AM, ${SAMPLE}` })).toBeFocused();
  // The analysis on screen is no longer kept, and can be kept again.
  await expect(keepButton(page)).toHaveText('Keep this check on this device');

  const clear = page.getByRole('button', { name: 'Clear every check' });
  await clear.click();
  const question = page.locator('#history-clear-question');
  await expect(question).toHaveText('Remove 1 kept check from this device? This cannot be undone.');
  await expect(question).toBeFocused();
  await page.getByRole('button', { name: 'No, keep them' }).click();
  await expect(clear).toBeFocused();
  await expect(entries(page)).toHaveCount(1);
  await clear.click();
  await page.keyboard.press('Escape');
  await expect(clear).toBeFocused();
  await expect(entries(page)).toHaveCount(1);

  // With the keyboard: to "Yes", Enter.
  await clear.press('Enter');
  await expect(question).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Yes, remove every check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#history-status')).toHaveText('Every check was removed from this device.');
  await expect(page.locator('#history-empty')).toBeVisible();
  await expect(page.locator('#history-list-heading')).toBeFocused();
  await expect(clear).toHaveCount(0);
  await page.reload();
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await expect(page.locator('#history-empty')).toBeVisible();
});

test('where the browser refuses IndexedDB, checks are kept for the page and it says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } });
  });
  await openDataView(page);
  await expect(page.locator('#history-not-kept')).toHaveText(
    'This browser does not let the page keep checks; they last until you close or reload the page.');
  await runSample(page);
  await keep(page);
  await analyseShop(page);
  await expect(change(page, 'customers').locator('.history-change__values')).toHaveText('600 → 12');
  await page.getByRole('button', { name: /^Open the check of .*Sample café/ }).click();
  await expect(totalValue(page, 'customers')).toHaveText('600');
  await page.reload();
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await expect(page.locator('#history-empty')).toBeVisible();
});

test('in Polish: the comparison, its words and its date', async ({ page }) => {
  await setClock(page, '2026-03-03T10:05:00Z');
  await runSampleIn(page, 'pl');
  await page.getByRole('button', { name: 'Zachowaj tę analizę na tym urządzeniu' }).click();
  await expect(page.locator('#history-status')).toHaveText('Ta analiza jest zachowana na tym urządzeniu.');
  await page.locator('#data-file').setInputFiles({ name: SHOP, mimeType: 'text/csv', buffer: Buffer.from(shopCsv()) });
  await expect(page.locator('#data-status')).toContainText('Analiza gotowa: 69 zamówień od 12 klientów.');
  await expect(page.locator('#history-compare').getByRole('heading'))
    .toHaveText('Od ostatniej analizy (3 marca 2026, Przykładowe zamówienia kawiarni (wygenerowane))');
  await expect(change(page, 'retention_rate')).toHaveText(/^Retencja84,3% \(paź 2026\) → 100% \(paź 2025\)↑ lepiej$/);
  await expect(change(page, 'at_risk').locator('.trend')).toHaveText('↓ lepiej');
  await page.getByRole('button', { name: 'Usuń wszystkie analizy' }).click();
  await expect(page.locator('#history-clear-question')).toHaveText('Usunąć z tego urządzenia 1 zachowaną analizę? Tego nie da się cofnąć.');
});

test('no axe violations in the section, light and dark, with a comparison, the confirm step and a reopened check', async ({ page }) => {
  await openDataView(page);
  await runSample(page);
  await keep(page);
  await analyseShop(page);
  await expect(page.locator('#history-compare')).toBeVisible();
  await expectNoAxeViolations(page, { include: '#data-history' });
  await page.getByRole('button', { name: 'Clear every check' }).click();
  await expectNoAxeViolations(page, { include: '#data-history' });
  await page.getByRole('button', { name: 'No, keep them' }).click();
  await page.getByRole('button', { name: /^Open the check of .*Sample café/ }).click();
  await expect(page.locator('#history-reopened')).toBeVisible();
  // The reopened report with its banner (the rest of the data view has its own axe tests).
  await expectNoAxeViolations(page, { include: '#data-results' });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await expectNoAxeViolations(page, { include: '#data-results' });
});

const SHOTS = [
  { name: 'history-desktop', width: 1280, height: 900 },
  { name: 'history-phone', width: 390, height: 844 },
  { name: 'history-phone-narrow', width: 320, height: 740 },
];

for (const shot of SHOTS) {
  test(`at ${shot.width}px nothing scrolls sideways; screenshot ${shot.name}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await setClock(page, '2026-03-03T10:05:00Z');
    await openDataView(page);
    await runSample(page);
    await keep(page);
    await analyseShop(page);
    await page.getByRole('button', { name: 'Clear every check' }).click();
    const size = await pageWidth(page);
    expect(size.scroll).toBeLessThanOrEqual(size.client);
    await history(page).screenshot({ path: `${testInfo.project.outputDir}/screenshots/${shot.name}.png` });
    await page.getByRole('button', { name: 'No, keep them' }).click();
    await page.getByRole('button', { name: /^Open the check of .*Sample café/ }).click();
    const reopened = await pageWidth(page);
    expect(reopened.scroll).toBeLessThanOrEqual(reopened.client);
    await page.locator('#history-reopened').screenshot({ path: `${testInfo.project.outputDir}/screenshots/${shot.name}-reopened.png` });
  });
}
