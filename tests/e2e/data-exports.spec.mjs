// Real exports dropped as a new user would: a visits-only appointment book,
// a Shopify export with order lines, statuses and refunds, a file that
// mixes currencies, one with a quote left open, and a headerless log
// mapped without an amount. Every row is accounted for on screen.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { guardPage, expectNoAxeViolations } from './helpers.mjs';
import { openDataView, chooseOrdersFile, expectReport, totalValue, understood, ordersAlert } from './data-helpers.mjs';

guardPage(test);

/** A fixture the Rust tests read too (tests/fixtures). */
const shared = (name) => `../../fixtures/${name}`;

test('a visits-only appointment book: every figure but money, and the reason said', async ({ page }, testInfo) => {
  await openDataView(page);
  await chooseOrdersFile(page, shared('visits-1251.csv'));
  await expectReport(page);
  await expect(understood(page, 'encoding')).toHaveText('windows-1251');
  await expect(understood(page, 'columns').locator('[data-role="amount"]')).toContainText('No amount column (visits only)');
  await expect(totalValue(page, 'customers')).toHaveText('4');
  await expect(totalValue(page, 'orders')).toHaveText('12');
  await expect(page.locator('[data-total="orders"] .card__label')).toHaveText('Visits');
  await expect(page.locator('#data-periods thead th')).toContainText(['Visits']);
  // Money is left out, not shown as 0.
  await expect(page.locator('[data-total="revenue"]')).toHaveCount(0);
  await expect(page.locator('[data-total="aov"]')).toHaveCount(0);
  await expect(page.locator('[data-total="clv"] .card__note')).toContainText('no amounts');
  await expect(page.locator('.warnings li[data-code="no_amounts"]')).toContainText('no amount column');
  await expect(page.locator('#data-periods td[data-col="revenue"]')).toHaveCount(0);
  await expect(page.locator('#data-periods td[data-col="retention_rate"]').nth(1)).not.toHaveText('—');
  await expect(page.locator('#data-segments tr[data-segment="vip"] .segment-rule')).toContainText('by visits');
  await expect(page.locator('#data-segments td[data-col="revenue_share"]')).toHaveCount(0);
  await page.locator('#data-understood').screenshot({ path: testInfo.outputPath('visits-understood.png') });
  await page.locator('#data-totals').screenshot({ path: testInfo.outputPath('visits-totals.png') });
});

test('a Shopify export: order lines merged, cancelled and pending left out, refunds taken off, in euros', async ({ page }, testInfo) => {
  await openDataView(page);
  await chooseOrdersFile(page, shared('shopify-orders.csv'));
  await expectReport(page);
  await expect(understood(page, 'columns').locator('[data-role="customer"]')).toContainText('Email');
  await expect(understood(page, 'columns').locator('[data-role="date"]')).toContainText('Created at');
  await expect(understood(page, 'columns').locator('[data-role="order"]')).toContainText('Name');
  await expect(understood(page, 'columns').locator('[data-role="status"]')).toContainText('Financial Status');
  await expect(understood(page, 'rows')).toContainText('11 rows: 6 orders from 4 customers');
  await expect(understood(page, 'rows')).toContainText('9 order lines merged into 6 orders');
  await expect(understood(page, 'currency')).toHaveText('EUR');
  await expect(understood(page, 'refunds')).toHaveText('2 refunds, €35 given back: revenue €252.50 before, €217.50 after');
  await expect(page.locator('#data-currency')).toHaveValue('EUR');
  await expect(totalValue(page, 'revenue')).toHaveText('€217.50');
  await expect(understood(page, 'skipped').locator('li[data-code="left_out"]')).toHaveText('cancelled, voided, failed or pending orders: 2');

  // The first rows of each reason on screen; every one of them in a download.
  await understood(page, 'skipped').locator('summary').click();
  await expect(understood(page, 'skipped').locator('ul.skipped li')).toHaveCount(2);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download every left-out row (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('skipped-rows.csv');
  const lines = readFileSync(await download.path(), 'utf8').slice(1).split(/\r?\n/).filter(Boolean);
  expect(lines[0]).toBe('row,reason');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(/^5,/);
  await expect(page.locator('#data-skipped-status')).toHaveText('Saved skipped-rows.csv.');
  await page.locator('#data-understood').screenshot({ path: testInfo.outputPath('shopify-understood.png') });
});

test('a file that mixes currencies is analysed in one, and the reader can pick the other', async ({ page }) => {
  await openDataView(page);
  await chooseOrdersFile(page, shared('mixed-currency.csv'));
  await expectReport(page);
  const choice = page.locator('#data-file-currency');
  await expect(choice).toHaveValue('PLN');
  await expect(page.locator('.warnings li[data-code="mixed_currencies"]')).toContainText('PLN (3), EUR (2)');
  await expect(totalValue(page, 'revenue')).toHaveText(/39\.50/);
  await choice.selectOption('EUR');
  await expect(page.locator('#data-file-currency')).toHaveValue('EUR');
  await expect(totalValue(page, 'revenue')).toHaveText('€11');
  await expect(totalValue(page, 'orders')).toHaveText('2');
});

test('a quote left open mid-file costs one row, not every row after it', async ({ page }) => {
  await openDataView(page);
  await chooseOrdersFile(page, shared('unclosed-quote.csv'));
  await expectReport(page);
  await expect(understood(page, 'rows')).toContainText('5 rows: 4 orders');
  await expect(understood(page, 'skipped').locator('li[data-code="unclosed_quote"]')).toHaveText('a quote that never closes: 1');
  await understood(page, 'skipped').locator('summary').click();
  await expect(understood(page, 'skipped').locator('ul.skipped li')).toHaveText(/^Row 3: A quote opens in this row/);
});

test('a headerless log mapped with no amount column is read as visits', async ({ page }) => {
  await openDataView(page);
  await chooseOrdersFile(page, 'orders-no-header.csv');
  await expect(ordersAlert(page)).toContainText('no header row');
  await page.getByLabel('Customer', { exact: true }).selectOption('0');
  await page.getByLabel('Date', { exact: true }).selectOption('1');
  await page.locator('#data-map-amount').selectOption({ label: 'No amount column (visits only)' });
  await page.getByRole('button', { name: 'Analyse with these columns' }).click();
  await expectReport(page);
  await expect(totalValue(page, 'orders')).toHaveText('5');
  await expect(page.locator('[data-total="revenue"]')).toHaveCount(0);
});

for (const scheme of ['light', 'dark']) {
  test(`no axe violations with a mixed-currency report open, its rows left out unfolded (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openDataView(page);
    await chooseOrdersFile(page, shared('stripe-payments.csv'));
    await expectReport(page);
    await expect(page.locator('#data-file-currency')).toBeVisible();
    await understood(page, 'skipped').locator('summary').click();
    await expectNoAxeViolations(page);
  });
}

test('in Polish, a visits-only book reads in Polish throughout', async ({ page }) => {
  await openDataView(page, '&lang=pl');
  await chooseOrdersFile(page, shared('visits-1251.csv'));
  await expectReport(page, 'Analiza gotowa');
  await expect(understood(page, 'columns').locator('[data-role="amount"]')).toHaveText('kwota: Brak kolumny kwot (same wizyty)');
  await expect(page.locator('.warnings li[data-code="no_amounts"]')).toContainText('nie mają kolumny kwot');
  await expect(understood(page, 'skipped').locator('li[data-code="total_row"]')).toHaveText('wiersze podsumowania: 1');
});
