// The customers view as an owner uses it: after the sample café is analysed
// they find a customer by name, sort by what is at stake, open one
// customer's history, download the contact list and change the horizon; on
// CDNOW they pick a calibration end and read the tracking check; a tiny
// visits-only book is told why there is no forecast. Axe-clean, by
// keyboard, at phone width and in Polish and Russian.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { guardPage, expectNoAxeViolations, locale } from './helpers.mjs';
import { openDataView, chooseOrdersFile, runSample, runSampleIn, pageWidth } from './data-helpers.mjs';

guardPage(test);

/** A fixture the Rust tests read too (tests/fixtures). */
const shared = (name) => `../../fixtures/${name}`;

/** Waits for the forecasts of the log just analysed. */
async function expectForecasts(page, customers) {
  await expect(page.locator('#customers-status')).toHaveText(`Forecasts ready for ${customers} customers.`);
}

const row = (page, id) => page.locator(`#data-customers-all tr[data-customer="${id}"]`);
const cell = (page, id, column) => row(page, id).locator(`td[data-col="${column}"]`);
/** "$1,234.50" → 1234.5 */
const money = (text) => Number(text.replace(/[^0-9.-]/g, ''));

test('the café: find a customer, sort by what is at stake, open a history, download the contacts, change the horizon', async ({ page }, testInfo) => {
  await openDataView(page);
  await runSample(page);
  await expectForecasts(page, 600);

  // Who to contact: ten at first, overdue ones first, each with a suggested action.
  const contacts = page.locator('#customers-contacts > li');
  await expect(contacts).toHaveCount(10);
  await expect(contacts.first()).toHaveAttribute('data-overdue', 'true');
  await expect(contacts.first().locator('.contact__action')).toContainText('Win them back');
  await page.locator('#customers-contacts-more').click();
  await expect(contacts).toHaveCount(20);
  await expect(contacts.nth(10).locator('button')).toBeFocused();
  await page.locator('#data-customers-contacts').screenshot({ path: testInfo.outputPath('contacts.png') });

  // Find one customer by (part of) their name.
  await page.getByLabel('Find a customer').fill('c00026');
  await expect(page.locator('#data-customers-all tbody tr')).toHaveCount(1);
  await expect(page.locator('#customers-count')).toHaveText('Customers 1–1 of 1.');
  await expect(cell(page, 'C00026', 'segment')).toHaveText('VIP');
  const valueBefore = money(await cell(page, 'C00026', 'value').textContent());
  expect(valueBefore).toBeGreaterThan(100);

  // Sort every customer by what is at stake, largest first, then turn it around.
  await page.getByLabel('Find a customer').fill('');
  await expect(page.locator('#data-customers-all tbody tr')).toHaveCount(50);
  const atStake = page.locator('#data-customers-all th[data-col="at_stake"]');
  await atStake.getByRole('button').click();
  await expect(atStake).toHaveAttribute('aria-sort', 'descending');
  const top = await page.locator('#data-customers-all td[data-col="at_stake"]').allTextContents();
  expect(top.map(money)).toEqual([...top.map(money)].sort((a, b) => b - a));
  await atStake.getByRole('button').click();
  await expect(atStake).toHaveAttribute('aria-sort', 'ascending');
  const bottom = await page.locator('#data-customers-all td[data-col="at_stake"]').allTextContents();
  expect(money(bottom[0])).toBeLessThanOrEqual(money(bottom[49]));
  await page.locator('#customers-next').click();
  await expect(page.locator('#data-customers-all .pager__page')).toHaveText('Page 2 of 12');
  await page.locator('#data-customers-all').screenshot({ path: testInfo.outputPath('table.png') });

  // One customer's history: timeline, figures, the worked formula, and back.
  await page.getByLabel('Segment', { exact: true }).selectOption('vip');
  await page.getByLabel('Find a customer').fill('C00026');
  const opener = page.getByRole('button', { name: 'Open the history of C00026' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Customer C00026' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img')).toHaveAccessibleName(/^299 visits from Sep 3, 2024 to Nov 19, 2026/);
  await expect(dialog.locator('[data-fact="days_since_last"] dd')).toHaveText('1 day');
  await expect(dialog.locator('[data-fact="recency"] dd')).toHaveText('115.29 weeks');
  await expect(dialog.locator('#customer-p-alive code')).toContainText('P(alive) = 1 / (1 + 0.6641 / (13.1921 + 298 − 1)');
  await expect(dialog.locator('#customer-value')).toContainText('over 12 months');
  await page.screenshot({ path: testInfo.outputPath('history.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // The contact list as a file for a mail merge: every customer, formula-safe.
  const download = page.waitForEvent('download');
  await page.locator('#data-customers-contacts [data-export="csv"]').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('contact-list.csv');
  const csv = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(601);
  expect(lines[0]).toBe('customer,segment,suggested action,last visit,days since last visit,visits,overdue,chance still a customer (%),at stake (USD),predicted value (USD)');
  expect(lines[1]).toMatch(/^C00019,VIP,"?Win them back/);

  // The tracking check in one press: a calibration end two thirds in.
  await page.getByRole('button', { name: /^Check it with the visits up to / }).click();
  await expect(page.getByLabel('Check the model: learn up to')).not.toHaveValue('');
  await expect(page.locator('#customers-tracking-chart [data-series="actual"] [data-point]').first()).toBeVisible();
  await expect(page.locator('#customers-tracking-summary')).toContainText('the model expected');
  await page.locator('#data-customers-model').screenshot({ path: testInfo.outputPath('cafe-tracking.png') });

  // A longer horizon: more value.
  await page.getByLabel('Forecast horizon (months)').fill('24');
  await page.getByLabel('Forecast horizon (months)').blur();
  await expect(page.locator('#customers-status')).toHaveText('Forecasts ready for 600 customers.');
  await expect.poll(async () => money(await cell(page, 'C00026', 'value').textContent() ?? '0')).toBeGreaterThan(valueBefore * 1.5);
});

test('a bad horizon or discount is marked on its field and keeps the forecasts shown', async ({ page }) => {
  await openDataView(page);
  await runSample(page);
  await expectForecasts(page, 600);
  const discount = page.getByLabel('Discount rate (% a month)');
  await discount.fill('abc');
  await discount.blur();
  await expect(discount).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#customers-discount-error')).toHaveText('The discount rate is a percentage per month from 0 to 100.');
  await expect(page.locator('#customers-contacts > li')).toHaveCount(10);
  await discount.fill('2');
  await discount.blur();
  await expect(discount).not.toHaveAttribute('aria-invalid');
});

test('CDNOW with a calibration end: the model checked against the weeks after it', async ({ page }, testInfo) => {
  await openDataView(page);
  await chooseOrdersFile(page, shared('predict/cdnow-sample.csv'));
  await expectForecasts(page, '2,357');
  await page.getByLabel('Check the model: learn up to').fill('1997-09-30');
  await page.getByLabel('Check the model: learn up to').blur();
  const chart = page.locator('#customers-tracking-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('[data-series="actual"] [data-point]')).toHaveCount(39);
  await expect(page.locator('#customers-tracking-summary')).toHaveText('By Jun 30, 1998 the model expected 1,653 repeat visits and 1,882 came (the model off by -12%).');
  await expect(page.locator('#customers-model-facts')).toContainText('While still a customer, a typical customer comes about every');
  await page.locator('#data-customers-model').screenshot({ path: testInfo.outputPath('cdnow-model.png') });
  // Outside the log: said on the field.
  await page.getByLabel('Check the model: learn up to').fill('2001-01-01');
  await page.getByLabel('Check the model: learn up to').blur();
  await expect(page.locator('#customers-calibration-error')).toHaveText('The date must be within the log, from 1997-01-01 to 1998-06-30.');
});

test('a small visits-only book: no forecast, and why; still every customer listed', async ({ page }) => {
  await openDataView(page);
  await chooseOrdersFile(page, shared('visits-1251.csv'));
  await expectForecasts(page, 4);
  await expect(page.locator('#customers-refusal')).toHaveText('The forecasts need at least 100 customers to learn from; this log has 4.');
  await expect(page.locator('#data-customers-all tbody tr')).toHaveCount(4);
  await expect(page.locator('#data-customers-all td[data-col="total_spend"]')).toHaveCount(0);
  await expect(page.locator('#data-customers-all td[data-col="p_alive"]').first()).toHaveText('—');
});

test('axe-clean with the history open, and by keyboard alone', async ({ page }) => {
  await openDataView(page);
  await runSample(page);
  await expectForecasts(page, 600);
  await expectNoAxeViolations(page);
  const first = page.locator('#customers-contacts [data-open-customer]').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#customer-dialog')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('#customer-dialog')).toHaveCount(0);
  await expect(first).toBeFocused();
});

test('at phone width nothing scrolls sideways but the table, and the history fits', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDataView(page);
  await runSample(page);
  await expectForecasts(page, 600);
  const width = await pageWidth(page);
  expect(width.scroll).toBeLessThanOrEqual(width.client);
  await page.locator('#data-customers-contacts').screenshot({ path: testInfo.outputPath('phone-contacts.png') });
  await page.locator('#customers-contacts [data-open-customer]').first().click();
  const box = await page.locator('#customer-dialog').boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('phone-history.png') });
  await expectNoAxeViolations(page);
});

for (const lang of ['pl', 'ru']) {
  test(`the customers view in ${lang}: every text translated`, async ({ page }, testInfo) => {
    const t = locale(lang);
    await runSampleIn(page, lang);
    const heading = page.locator('#data-customers-heading');
    await expect(heading).toHaveText(t('data.page.customers.heading'));
    await expect(page.locator('#customers-contacts > li')).toHaveCount(10);
    await expect(page.locator('#data-customers-model-heading')).toHaveText(t('data.page.customers.model.heading'));
    const text = await page.locator('#data-customers').innerText();
    expect(text).not.toMatch(/data\.(page|segment)\./);
    await page.locator('#customers-contacts [data-open-customer]').first().click();
    await expect(page.locator('#customer-dialog')).toBeVisible();
    expect(await page.locator('#customer-dialog').innerText()).not.toMatch(/data\.page\./);
    await page.screenshot({ path: testInfo.outputPath(`history-${lang}.png`) });
  });
}
