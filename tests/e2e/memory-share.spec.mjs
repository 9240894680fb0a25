// The page remembers the last inputs on this device (localStorage) and
// reopens them on a bare visit; an address with a metric or values wins.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, resultValue } from './helpers.mjs';

guardPage(test);

test('a bare visit brings back the last metric and what was typed for each metric', async ({ page }) => {
  await openPage(page, '?metric=churn_rate&lang=en');
  await field(page, 'start').fill('400');
  await field(page, 'lost').fill('20');
  await expect(resultValue(page)).toHaveText('5%');
  await openPage(page, '?metric=average_order_value&lang=en');
  await field(page, 'revenue').fill('900');
  await field(page, 'orders').fill('30');
  const result = await resultValue(page).textContent();

  await openPage(page, '');
  await expect(page.locator('#picker a[aria-current="page"]')).toHaveAttribute('data-metric', 'average_order_value');
  await expect(field(page, 'revenue')).toHaveValue('900');
  await expect(field(page, 'orders')).toHaveValue('30');
  await expect(resultValue(page)).toHaveText(result);
  await expect(page).toHaveURL(/metric=average_order_value&revenue=900&orders=30/);
});

test('values typed for another metric come back when switching to it after a bare visit', async ({ page }) => {
  await openPage(page, '?metric=churn_rate&lang=en');
  await field(page, 'start').fill('400');
  await field(page, 'lost').fill('20');
  await page.locator('#picker a[data-metric="average_order_value"]').click();
  await field(page, 'revenue').fill('900');
  await field(page, 'orders').fill('30');

  await openPage(page, '');
  await page.locator('#picker a[data-metric="churn_rate"]').click();
  await expect(field(page, 'start')).toHaveValue('400');
  await expect(resultValue(page)).toHaveText('5%');
});

test('an address with a metric beats what was remembered', async ({ page }) => {
  await openPage(page, '?metric=churn_rate&start=400&lost=20&lang=en');
  await expect(resultValue(page)).toHaveText('5%');
  await openPage(page, '?metric=retention_rate&start=200&end=210&new=30&lang=en');
  await expect(page.locator('#picker a[aria-current="page"]')).toHaveAttribute('data-metric', 'retention_rate');
  await expect(resultValue(page)).toHaveText('90%');
});

test('a picked currency is remembered on a bare visit and on an address without currency', async ({ page }) => {
  await openPage(page, '?metric=average_order_value&revenue=900&orders=30&lang=en');
  await page.locator('#currency').selectOption('PLN');
  await expect(resultValue(page)).toContainText('zł');

  await openPage(page, '');
  await expect(page.locator('#currency')).toHaveValue('PLN');
  await expect(resultValue(page)).toContainText('zł');

  await openPage(page, '?metric=average_order_value&revenue=100&orders=4&lang=en');
  await expect(page.locator('#currency')).toHaveValue('PLN');
  await expect(page).toHaveURL(/currency=PLN/);
});

test('without usable storage the page still computes and shows no error', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await openPage(page, '?metric=churn_rate&lang=en');
  await field(page, 'start').fill('400');
  await field(page, 'lost').fill('20');
  await expect(resultValue(page)).toHaveText('5%');
  await expect(page.locator('#load-failed')).toBeHidden();
  // Nothing was saved, so a bare visit opens on the worked example again.
  await openPage(page, '');
  await expect(page.locator('#picker a[aria-current="page"]')).not.toHaveAttribute('data-metric', 'churn_rate');
});

test.describe('Copy link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the exact address, confirms it, and the address opens the same result', async ({ page, context }) => {
    await openPage(page, '?metric=churn_rate&start=400&lost=20&lang=en');
    await expect(resultValue(page)).toHaveText('5%');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.locator('.result__link-note')).toHaveText('Link copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    await expect(page.locator('.result__link')).toBeHidden();

    const other = await context.newPage();
    await other.goto(copied);
    await expect(other.locator('html.is-ready')).toHaveCount(1);
    await expect(resultValue(other)).toHaveText('5%');
  });

  test('a refused clipboard shows the link selected, with a hint', async ({ page }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await openPage(page, '?metric=churn_rate&start=400&lost=20&lang=en');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = page.getByRole('textbox', { name: 'Link to this result' });
    await expect(link).toBeVisible();
    await expect(link).toHaveValue(page.url());
    await expect(link).toBeFocused();
    const selected = await link.evaluate((input) => input.value.slice(input.selectionStart, input.selectionEnd));
    expect(selected).toBe(page.url());
    await expect(page.locator('.result__link-note')).toContainText('Ctrl+C');
  });
});
