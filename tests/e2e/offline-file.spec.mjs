// The offline edition (dist/retention-calculator.html) opened from disk, as
// someone does with a file saved or mailed to them: with the network cut and
// every request refused, it computes a worked example, analyses a dropped CSV
// and saves its tables and charts, and asks for nothing but its own file.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { field, resultValue } from './helpers.mjs';
import { dropFile, expectReport, totalValue } from './data-helpers.mjs';

const FILE = pathToFileURL(fileURLToPath(new URL('../../dist/retention-calculator.html', import.meta.url))).href;

/** The file itself, whatever its address says after "?" (?view=data). */
const ownFile = (url) => url.split('?')[0] === FILE;

test.beforeEach(async ({ context }, testInfo) => {
  await context.setOffline(true);
  // Anything but the file itself is refused (and logged below).
  await context.route('**/*', (route) => (ownFile(route.request().url()) ? route.continue() : route.abort('internetdisconnected')));
  const requests = [];
  const violations = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('weberror', (error) => violations.push(error.error().message));
  testInfo.requests = requests;
  testInfo.pageErrors = violations;
});

test.afterEach(async ({}, testInfo) => {
  // Only the file itself, and in-memory data:/blob: URLs (icon, data worker).
  const elsewhere = testInfo.requests.filter((url) => !ownFile(url) && !/^(data|blob):/.test(url));
  expect(elsewhere, 'requests besides the file itself').toEqual([]);
  expect(testInfo.pageErrors, 'uncaught errors').toEqual([]);
});

/** Opens the file and waits for the engine; fails on any Content-Security-Policy violation. */
async function openFile(page, query = '') {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${FILE}${query}`);
  await expect(page.locator('html.is-ready')).toHaveCount(1);
}

test.afterEach(async ({ page }) => {
  expect(await page.evaluate(() => window.cspViolations), 'Content-Security-Policy violations').toEqual([]);
});

test('from disk with no network, the calculator computes the coffee-shop example', async ({ page }) => {
  await openFile(page, '?metric=retention_rate');
  await page.locator('button[data-example="coffee"]').click();
  // The spec's coffee-shop example: S = 200, E = 210, N = 30 → (210 − 30) / 200 = 90 %.
  await expect(field(page, 'start')).toHaveValue('200');
  await expect(resultValue(page)).toHaveText('90%');
  await field(page, 'end').fill('190');
  await expect(resultValue(page)).toHaveText('80%'); // (190 − 30) / 200
});

test('from disk with no network, a dropped CSV is analysed in the worker', async ({ page }) => {
  await openFile(page, '?view=data');
  await dropFile(page, '#data-drop', 'orders-pl-cp1250.csv');
  await expectReport(page);
  await expect(totalValue(page, 'customers')).toHaveText('4');
  await expect(totalValue(page, 'revenue')).toHaveText('PLN 1,307.50');
  // Saving works from disk too: the table as CSV, the chart as PNG (drawn through a blob: image).
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the totals as CSV' }).click();
  expect(readFileSync(await (await csv).path(), 'utf8')).toContain('Customers,4');
  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the retention chart as PNG' }).click();
  expect(readFileSync(await (await png).path()).subarray(1, 4).toString()).toBe('PNG');
});

test('from disk with no network, the sample café gets its customers view with forecasts', async ({ page }) => {
  await openFile(page, '?view=data');
  await page.getByRole('button', { name: 'Try it with sample data' }).click();
  await expectReport(page);
  await expect(page.locator('#customers-status')).toHaveText('Forecasts ready for 600 customers.');
  await expect(page.locator('#customers-contacts > li')).toHaveCount(10);
  await page.locator('#customers-contacts [data-open-customer]').first().click();
  await expect(page.locator('#customer-dialog #customer-p-alive code')).toContainText('P(alive) = 1 / (1 +');
});

test('the offline file offers neither to download itself, nor to embed, nor a link (it has no address)', async ({ page }) => {
  await openFile(page);
  await expect(page.locator('#title')).toHaveText('Customer retention calculator');
  await expect(page.locator('#page-actions a, #page-actions button')).toHaveCount(0);
  // Nor a link to share: a file:// address means nothing on anyone else's machine.
  await expect(page.locator('.result__value')).toBeVisible(); // the first-visit example, so the result area is built
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
});

test('from disk with no network, a check is kept on this device and still listed after a reload', async ({ page }) => {
  await openFile(page, '?view=data');
  await page.getByRole('button', { name: 'Try it with sample data' }).click();
  await expectReport(page);
  await page.getByRole('button', { name: 'Keep this check on this device' }).click();
  await expect(page.locator('#history-status')).toHaveText('This check is kept on this device.');
  await expect(page.locator('#history-list > li .history-item__file')).toHaveText(['Sample café orders (generated)']);
  // Chromium lets a page opened from disk use IndexedDB: the check outlives the page.
  await expect(page.locator('#history-not-kept')).toBeHidden();
  await page.reload();
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await page.getByRole('button', { name: /^Open the check of .*Sample café/ }).click();
  await expect(page.locator('#history-reopened')).toBeVisible();
  await expect(totalValue(page, 'customers')).toHaveText('600');
});

test('from disk with no network, a goal is kept across a reload and the what-if works it out, in Russian', async ({ page }) => {
  await openFile(page, '?metric=retention_rate&start=200&end=210&new=30&sector=restaurants&lang=ru');
  await expect(page.locator('.result__benchmark')).toContainText('90 % в месяц');
  await page.locator('#goal-set').click();
  await page.locator('#goal-amount').fill('95');
  await page.locator('#goal-save').click();
  await expect(page.locator('#goal-progress')).toHaveAttribute('value', '0');
  await page.reload();
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await expect(page.locator('.goal__summary')).toContainText('95');
  await page.locator('#whatif-visits').fill('100');
  await page.locator('#whatif-aov').fill('7');
  await page.locator('#whatif-more-retention').fill('2');
  await expect(page.locator('#whatif-table tr[data-row="kept"]')).toContainText('+18');
});

test('from disk with no network, cohorts are projected and a billing export shows its MRR movements', async ({ page }) => {
  await openFile(page, '?metric=retention_projection');
  await page.locator('button[data-example="high_end"]').click();
  await expect(resultValue(page)).toHaveText('37.8%');
  await expect(page.locator('#result-projection-chart .chart__svg')).toBeVisible();
  await openFile(page, '?view=data');
  await dropFile(page, '#subscriptions-drop', 'billing-studio.csv');
  await expect(page.locator('#subscriptions-waterfall')).toBeVisible({ timeout: 20000 });
  await expect(page.locator('[data-total="mrr"] .card__value')).toHaveText('$953.00');
});
