// The report: the sample café log end to end, a period sent to the
// calculator, a segment's list downloaded, quarters, and the address.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, resultValue, expectNoBrokenNumbers } from './helpers.mjs';
import {
  openDataView, chooseOrdersFile, expectReport, runSample, totalValue, understood, periodRow, periodCell,
} from './data-helpers.mjs';

guardPage(test);

test('the sample data fills every table and chart', async ({ page }) => {
  await openDataView(page);
  await runSample(page);
  await expect(understood(page, 'source')).toHaveText('Sample café orders (generated)');
  // The engine's note, with its date and period written the reader's way rather than as ISO.
  await expect(page.locator('.data-warnings li[data-code="partial_period"]'))
    .toHaveText('The log ends on Nov 20, 2026, before Nov 2026 does: that period\'s figures are partial.');
  await expect(totalValue(page, 'customers')).toHaveText('600');
  await expect(totalValue(page, 'orders')).toHaveText('11,521');
  await expect(totalValue(page, 'revenue')).toHaveText('$87,050.20');
  await expect(totalValue(page, 'clv')).toHaveText('$156.77'); // 12 months of history: a CLV this time
  await expect(totalValue(page, 'top10')).toHaveText('66.2%');
  await expect(totalValue(page, 'top20')).toHaveText('84.7%');
  await expect(totalValue(page, 'active_customers')).toHaveText('178');

  // 27 months, the first with nobody at the start (no rate, a gap in the lines).
  await expect(page.locator('#data-periods tbody tr')).toHaveCount(27);
  await expect(periodCell(page, '2024-09', 'retention_rate')).toHaveText('—');
  const chart = page.locator('#data-rates-chart svg.chart__svg');
  await expect(chart.locator('[data-series="retention"] [data-point]')).toHaveCount(26);
  await expect(chart.locator('[data-series="churn"] [data-point]')).toHaveCount(26);
  await expect(page.locator('#data-rates-chart .chart__note')).toHaveText(/Gaps in the lines/);
  // Only the last month is partial, marked in words.
  await expect(page.locator('#data-periods tr[data-partial="true"]')).toHaveCount(1);
  await expect(periodRow(page, '2026-11').locator('.badge')).toHaveText('partial');

  // A row per cohort month, plus the average; the last month's cells are starred.
  await expect(page.locator('#data-cohorts tbody tr')).toHaveCount(27);
  await expect(page.locator('#data-cohorts tfoot th')).toHaveText('Average');
  await expect(page.locator('#data-cohorts td[data-partial="true"]')).toHaveCount(27);
  await expect(page.locator('#data-cohorts tr[data-cohort="2024-09"] td.heat').first()).toHaveText('100.0');
  await expect(page.locator('#data-cohorts tr[data-cohort="2024-09"] td.heat').nth(1)).toHaveText('76.8');

  // Six segments with their rules.
  await expect(page.locator('#data-segments tbody tr')).toHaveCount(6);
  await expect(page.locator('#data-segments tr[data-segment="vip"] .segment-rule')).toHaveText(
    'In the top 10 % of customers by revenue, and ordered within the last 90 days.');
  await expect(page.locator('#data-segments tr[data-segment="lost"] td[data-col="customers"]')).toHaveText('358');

  // The costs section takes the active customers from the orders.
  await expect(page.locator('#costs-active')).toHaveValue('178');
  await expectNoBrokenNumbers(page);
});

test('a period opened in the calculator shows the same retention rate; Back returns to the report', async ({ page }) => {
  await openDataView(page);
  await runSample(page);
  const row = periodRow(page, '2026-10');
  const start = await periodCell(page, '2026-10', 'start').innerText();
  const end = await periodCell(page, '2026-10', 'end').innerText();
  const added = await periodCell(page, '2026-10', 'new').innerText();
  const rate = await periodCell(page, '2026-10', 'retention_rate').innerText();
  expect([start, end, added, rate]).toEqual(['178', '179', '29', '84.3%']);

  const open = row.getByRole('link', { name: 'Open Oct 2026 in the retention rate calculator' });
  await expect(open).toHaveAttribute('href', /metric=retention_rate&start=178&end=179&new=29/);
  await open.click();

  await expect(page).toHaveURL(/\?metric=retention_rate&start=178&end=179&new=29(&|$)/);
  await expect(page.locator('#calculator')).toBeVisible();
  await expect(page.locator('#data-app')).toBeHidden();
  await expect(field(page, 'start')).toHaveValue(start);
  await expect(field(page, 'end')).toHaveValue(end);
  await expect(field(page, 'new')).toHaveValue(added);
  await expect(resultValue(page)).toHaveText(rate);
  await expect(page.locator('#metric-name')).toBeFocused();
  await expect(page.locator('#view-calculator')).toHaveAttribute('aria-current', 'page');

  await page.goBack();
  await expect(page).toHaveURL(/[?&]view=data(&|$)/);
  await expect(page.locator('#data-app')).toBeVisible();
  await expect(periodCell(page, '2026-10', 'retention_rate')).toHaveText(rate);

  // The same address typed in a fresh tab gives the same result.
  await openPage(page, `?metric=retention_rate&start=${start}&end=${end}&new=${added}`);
  await expect(resultValue(page)).toHaveText(rate);
});

test('a segment\'s list downloads as CSV, safe against spreadsheet formulas', async ({ page }) => {
  await openDataView(page);
  await chooseOrdersFile(page, 'orders-pl-cp1250.csv');
  await expectReport(page);
  // All four customers ordered for the first time within 90 days of the last order: all "New".
  await expect(page.locator('#data-segments tr[data-segment="new"] td[data-col="customers"]')).toHaveText('4');
  await expect(page.locator('#data-segments button[data-segment="vip"]')).toBeDisabled(); // nobody in it

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the New list (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('segment-new.csv');
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true); // so Excel reads it as UTF-8
  const lines = text.slice(1).split(/\r?\n/).filter(Boolean);
  expect(lines[0]).toBe('customer,orders,revenue,first_order,last_order');
  expect(lines).toContain("'=cmd,1,20.00,2024-01-15,2024-01-15");
  expect(lines).toContain('Zofia Wójcik,3,1254.50,2024-01-05,2024-03-28');
  expect(lines).toHaveLength(5);
  await expect(page.locator('#data-segments-status')).toHaveText('The New list is saved as segment-new.csv.');
});

test('quarters instead of months, kept in the address', async ({ page }) => {
  await openDataView(page);
  await runSample(page);
  await page.getByLabel('Periods', { exact: true }).selectOption('quarter');
  await expect(periodRow(page, '2024-Q3')).toBeVisible();
  await expect(periodRow(page, '2024-Q3').locator('th')).toHaveText('Q3 2024');
  await expect(page.locator('#data-periods tbody tr')).toHaveCount(10); // 2024-Q3 … 2026-Q4
  await expect(page).toHaveURL(/[?&]period=quarter(&|$)/);
  await page.reload();
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await expect(page.getByLabel('Periods', { exact: true })).toHaveValue('quarter');
});

test('the header switches views in place; the calculator keeps its address', async ({ page }) => {
  await openPage(page, '?metric=churn_rate&start=200&lost=20');
  await expect(resultValue(page)).toHaveText('10%');
  await expect(page.locator('#view-calculator')).toHaveAttribute('aria-current', 'page');
  await page.evaluate(() => { window.marker = 1; });

  await page.getByRole('link', { name: 'Analyse your data' }).click();
  await expect(page.locator('#data-heading')).toBeFocused();
  await expect(page).toHaveURL(/\?view=data(&|$)/);
  await expect(page).toHaveTitle(/^Analyse your data — /);
  await expect(page.locator('#view-data')).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('#app')).toBeHidden();
  expect(await page.evaluate(() => window.marker)).toBe(1); // no reload

  await page.getByRole('link', { name: 'Calculator' }).click();
  await expect(page).toHaveURL(/\?metric=churn_rate&start=200&lost=20(&|$)/);
  await expect(resultValue(page)).toHaveText('10%');
  await page.goBack();
  await expect(page.locator('#data-app')).toBeVisible();
  await page.goBack();
  await expect(page.locator('#calculator')).toBeVisible();
  await expect(resultValue(page)).toHaveText('10%');
});
