// Keyboard only: from the top of the page, Tab and type to a result.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, status, resultValue, tabUntil, expectVisibleFocus } from './helpers.mjs';

guardPage(test);

const focusedId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

test('search, pick, fill every input and hear the result, with the keyboard alone', async ({ page }) => {
  await openPage(page);
  await page.evaluate(() => window.scrollTo(0, 0));

  await tabUntil(page, () => document.activeElement.id === 'metric-search', 7, 'the search field');
  await expectVisibleFocus(page);
  await page.keyboard.type('retention rate');

  await tabUntil(page, () => document.activeElement.dataset.metric === 'retention_rate', 6, 'the retention rate link');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  expect(await focusedId(page)).toBe('metric-name');
  await expect(page).toHaveURL(/[?&]metric=retention_rate(&|$)/);

  const inputs = await page.locator('form input').evaluateAll((nodes) => nodes.map((n) => n.id));
  expect(inputs).toEqual(['input-start', 'input-end', 'input-new']);
  const values = { 'input-start': '200', 'input-end': '210', 'input-new': '30' };

  // The example buttons and settings come first; then every input, in order.
  await tabUntil(page, () => document.activeElement.id === 'input-start', 12, 'the first input');
  for (const [index, id] of inputs.entries()) {
    if (index > 0) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe(id);
    await expectVisibleFocus(page);
    await page.keyboard.type(values[id]);
  }

  await expect(status(page)).toHaveCount(1);
  await expect(status(page)).toHaveAttribute('role', 'status');
  await expect(status(page)).toContainText('90%');
  await expect(resultValue(page)).toHaveText('90%');
});

test('the skip link is the first stop and moves focus to the calculator', async ({ page }) => {
  await openPage(page, '?metric=churn_rate');
  await page.keyboard.press('Tab');
  const skip = page.locator('#skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await expect(skip).not.toHaveText('');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  expect(await focusedId(page)).toBe('metric-name');
  await expect(page).toHaveURL(/\?metric=churn_rate(&lang=en)?$/); // no "#…" added
  await tabUntil(page, () => document.activeElement.id === 'input-start', 8, 'the first input');
});

test('Enter in the search picks the first match; arrow keys move through the list', async ({ page }) => {
  await openPage(page);
  await page.locator('#metric-search').focus();
  await page.keyboard.type('churn rate');
  const first = await page.locator('#picker a[data-metric]:visible').first().getAttribute('data-metric');
  await page.keyboard.press('Enter');
  await expect(page.locator('#metric-results a[aria-current="page"]')).toHaveAttribute('data-metric', first);
  expect(await focusedId(page)).toBe('metric-name');

  await page.locator('#metric-search').focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('#metric-search')).toHaveValue('');
  await page.keyboard.press('ArrowDown');
  const a = await page.evaluate(() => document.activeElement.dataset.metric);
  await page.keyboard.press('ArrowDown');
  const b = await page.evaluate(() => document.activeElement.dataset.metric);
  expect(a).toBeTruthy();
  expect(b).toBeTruthy();
  expect(b).not.toBe(a);
});

test('example buttons and selects work from the keyboard', async ({ page }) => {
  await openPage(page, '?metric=customer_lifetime_value');
  await page.locator('button[data-example="coffee"]').focus();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(resultValue(page)).toHaveText('$2,100');
  await page.locator('select#currency').focus();
  await expectVisibleFocus(page);
  // Type-ahead: the first letter of another currency's name selects it.
  const other = await page.locator('select#currency option').nth(1).innerText();
  await page.keyboard.type(other.trim()[0]);
  await expect(page.locator('select#currency')).not.toHaveValue('USD');
  await expect(resultValue(page)).not.toContainText('$');
});
