// The column-mapping step: a file without a header, dates that read two
// ways, and "Change columns" after a result. What the user gave is kept.
import { test, expect } from '@playwright/test';
import { guardPage } from './helpers.mjs';
import {
  openDataView, chooseOrdersFile, pasteOrders, expectReport, totalValue, understood, periodRow, ordersAlert,
} from './data-helpers.mjs';

guardPage(test);

const mapping = (page) => page.locator('#data-mapping');

test('a file without a header: preview, pick the columns, get the analysis', async ({ page }) => {
  await openDataView(page);
  // A-17,2024-01-05,12.50 / B-03,2024-01-20,8.00 / A-17,2024-02-11,6.25 / C-22,2024-02-14,20.00 / B-03,2024-03-02,4.75
  await chooseOrdersFile(page, 'orders-no-header.csv');

  await expect(ordersAlert(page)).toHaveText('The file has no header row. Pick which column holds the customer.');
  await expect(mapping(page)).toBeVisible();
  await expect(page.locator('#data-mapping-heading')).toBeFocused();
  await expect(page.locator('#data-totals')).toHaveCount(0);

  // The preview shows the first rows, columns named by position.
  const preview = mapping(page).locator('table');
  await expect(preview.locator('thead th')).toHaveText(['column 1', 'column 2', 'column 3']);
  await expect(preview.locator('tbody tr')).toHaveCount(5);
  await expect(preview.locator('tbody tr').first().locator('td')).toHaveText(['A-17', '2024-01-05', '12.50']);

  await page.getByLabel('Customer', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Date', { exact: true }).selectOption('1');
  await page.locator('#data-map-amount').selectOption('2');
  await page.getByLabel('Order number').selectOption('');
  await page.getByRole('button', { name: 'Analyse with these columns' }).click();

  await expectReport(page);
  await expect(mapping(page)).toHaveCount(0);
  await expect(ordersAlert(page)).toHaveText('');
  await expect(totalValue(page, 'customers')).toHaveText('3');
  await expect(totalValue(page, 'orders')).toHaveText('5');
  await expect(totalValue(page, 'revenue')).toHaveText('$51.50');
  await expect(understood(page, 'columns')).toContainText('No header row');
  await expect(understood(page, 'columns').locator('[data-role="customer"]')).toContainText('column 1');
});

test('a required column left unpicked is marked beside its select', async ({ page }) => {
  await openDataView(page);
  await chooseOrdersFile(page, 'orders-no-header.csv');
  await expect(mapping(page)).toBeVisible();
  const customer = page.getByLabel('Customer', { exact: true });
  await customer.selectOption('');
  await page.getByRole('button', { name: 'Analyse with these columns' }).click();
  await expect(customer).toHaveAttribute('aria-invalid', 'true');
  await expect(customer).toBeFocused();
  await expect(page.locator('#data-map-customer-error')).toHaveText('Pick the column that holds the customer.');
  await expect(page.locator('#data-totals')).toHaveCount(0);
  // The same column twice is refused too.
  await customer.selectOption('1');
  await page.getByLabel('Date', { exact: true }).selectOption('1');
  await page.getByRole('button', { name: 'Analyse with these columns' }).click();
  await expect(page.locator('#data-map-date-error')).toHaveText('column 2 is already picked for the customer.');
});

test('dates that read two ways: pick month/day/year, then change to day/month/year', async ({ page }) => {
  await openDataView(page);
  // Ann 01/02/2024, Bob 03/02/2024, Ann 04/03/2024: January 2nd or February 1st?
  await chooseOrdersFile(page, 'orders-ambiguous-dates.csv');

  await expect(ordersAlert(page)).toContainText('The dates can be read two ways');
  await expect(mapping(page)).toBeVisible();
  // The header names the columns, so they come pre-filled.
  await expect(page.getByLabel('Customer', { exact: true })).toHaveValue('0');
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('1');
  await expect(page.locator('#data-map-amount')).toHaveValue('2');

  const order = page.getByLabel('How dates are written');
  await expect(order.locator('option')).toHaveText(['day/month/year', 'month/day/year', 'year-month-day']);
  await order.selectOption({ label: 'month/day/year' });
  await page.getByRole('button', { name: 'Analyse with these columns' }).click();

  await expectReport(page);
  await expect(understood(page, 'date_order')).toHaveText('month/day/year (as you chose)');
  // 01/02 is January 2nd: the first period is January.
  await expect(page.locator('#data-periods tbody tr').first()).toHaveAttribute('data-period', '2024-01');
  await expect(periodRow(page, '2024-01').locator('th')).toHaveText('Jan 2024');
  await expect(page.locator('#data-periods tbody tr')).toHaveCount(4); // Jan–Apr

  // Change columns, keeping the file: read the same dates day first.
  await page.getByRole('button', { name: 'Change columns' }).click();
  await expect(mapping(page)).toBeVisible();
  await expect(order).toHaveValue('mdy');
  await order.selectOption('dmy');
  await page.getByRole('button', { name: 'Analyse with these columns' }).click();
  await expect(understood(page, 'date_order')).toHaveText('day/month/year (as you chose)');
  await expect(page.locator('#data-periods tbody tr').first()).toHaveAttribute('data-period', '2024-02');
  await expect(periodRow(page, '2024-01')).toHaveCount(0);
  await expect(periodRow(page, '2024-02').locator('th')).toHaveText('Feb 2024');
  await expect(page.locator('#data-periods tbody tr')).toHaveCount(2); // Feb–Mar
});

test('columns picked wrongly: the engine says no row was usable, and the step stays open to fix it', async ({ page }) => {
  await openDataView(page);
  await chooseOrdersFile(page, 'orders-no-header.csv');
  // Amount and date swapped: no row has a date where the date column is said to be.
  await page.getByLabel('Customer', { exact: true }).selectOption('0');
  await page.getByLabel('Date', { exact: true }).selectOption('2');
  await page.locator('#data-map-amount').selectOption('1');
  await page.getByRole('button', { name: 'Analyse with these columns' }).click();
  await expect(ordersAlert(page)).toContainText('No row could be used (5 read)');
  await expect(mapping(page)).toBeVisible();
  // The form remembers the (wrong) choice, ready to correct.
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2');
  await page.getByLabel('Date', { exact: true }).selectOption('1');
  await page.locator('#data-map-amount').selectOption('2');
  await page.getByRole('button', { name: 'Analyse with these columns' }).click();
  await expectReport(page);
  await expect(totalValue(page, 'revenue')).toHaveText('$51.50');
});

test('"Keep the current columns" closes the step and leaves the result as it was', async ({ page }) => {
  await openDataView(page);
  await chooseOrdersFile(page, 'orders-pl-cp1250.csv');
  await expectReport(page);
  await page.getByRole('button', { name: 'Change columns' }).click();
  await expect(page.getByLabel('Customer', { exact: true })).toHaveValue('0');
  await expect(page.getByLabel('Order number')).toHaveValue('3');
  await expect(page.getByLabel('How dates are written')).toHaveValue('dmy');
  await page.getByRole('button', { name: 'Keep the current columns' }).click();
  await expect(mapping(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Change columns' })).toBeFocused();
  await expect(totalValue(page, 'revenue')).toHaveText('PLN 1,307.50');
});

test('pasted cells without a header keep their text through the mapping step', async ({ page }) => {
  await openDataView(page);
  const pasted = 'A-17\t2024-01-05\t12.50\nB-03\t2024-01-20\t8.00\nA-17\t2024-02-11\t6.25\n';
  await pasteOrders(page, pasted);
  await expect(mapping(page)).toBeVisible();
  await expect(page.locator('#data-paste')).toHaveValue(pasted);
  await page.getByLabel('Customer', { exact: true }).selectOption('0');
  await page.getByLabel('Date', { exact: true }).selectOption('1');
  await page.locator('#data-map-amount').selectOption('2');
  await page.getByRole('button', { name: 'Analyse with these columns' }).click();
  await expectReport(page);
  await expect(totalValue(page, 'revenue')).toHaveText('$26.75');
  await expect(page.locator('#data-paste')).toHaveValue(pasted);
});
