// Bad input: the message sits beside the field, the typed text stays, no stale or broken number.
import { test, expect } from '@playwright/test';
import {
  guardPage, openPage, field, status, resultValue,
  expectNoBrokenNumbers, expectFieldError, expectFieldValid,
} from './helpers.mjs';

guardPage(test);

test('a fresh empty form shows a prompt, not "required" errors', async ({ page }) => {
  await openPage(page, '?metric=retention_rate');
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(page.locator('.field__error:visible')).toHaveCount(0);
  await expect(resultValue(page)).toHaveCount(0);
  const prompt = (await status(page).innerText()).trim();
  expect(prompt.length).toBeGreaterThan(3);
  await expectNoBrokenNumbers(page);
});

test('"required" appears only for a field the user left empty', async ({ page }) => {
  await openPage(page, '?metric=churn_rate');
  await field(page, 'start').focus();
  await field(page, 'start').blur();
  await expectFieldError(page, 'start');
  // The other field was never touched: no error there yet.
  await expectFieldValid(page, 'lost');
  // Typing into a field and clearing it again is an edit too.
  await field(page, 'lost').fill('5');
  await field(page, 'lost').fill('');
  await expectFieldError(page, 'lost');
});

test('letters in a number: message beside the field, text kept, no stale result', async ({ page }) => {
  await openPage(page, '?metric=churn_rate');
  await page.locator('button[data-example="coffee"]').click();
  await expect(resultValue(page)).toHaveText('10%');

  await field(page, 'start').fill('12abc');
  const message = await expectFieldError(page, 'start');
  expect(message).not.toMatch(/NaN|undefined/);
  await expect(field(page, 'start')).toHaveValue('12abc');
  await expectFieldValid(page, 'lost');

  // No stale number and no steps from the last good result.
  await expect(resultValue(page)).toHaveCount(0);
  await expect(status(page)).not.toContainText('10%');
  await expect(status(page)).not.toHaveText('');
  await expect(page.locator('.result__steps')).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]start=12abc(&|$)/);
  await expectNoBrokenNumbers(page);

  // Fixing it brings the result back and clears the marks.
  await field(page, 'start').fill('200');
  await expectFieldValid(page, 'start');
  await expect(resultValue(page)).toHaveText('10%');
});

test('a negative count: message beside the field, text kept', async ({ page }) => {
  await openPage(page, '?metric=churn_rate&start=200&lost=20');
  await expect(resultValue(page)).toHaveText('10%');
  await field(page, 'lost').fill('-5');
  await expectFieldError(page, 'lost');
  await expect(field(page, 'lost')).toHaveValue('-5');
  await expectFieldValid(page, 'start');
  await expect(resultValue(page)).toHaveCount(0);
  await expectNoBrokenNumbers(page);
});

test('several bad fields are all marked at once', async ({ page }) => {
  await openPage(page, '?metric=customer_lifetime_value');
  await field(page, 'aov').fill('12abc');
  await field(page, 'frequency').fill('-4');
  await expectFieldError(page, 'aov');
  await expectFieldError(page, 'frequency');
  await expect(resultValue(page)).toHaveCount(0);
  await expectNoBrokenNumbers(page);
});

test('dividing by zero is an error, never Infinity', async ({ page }) => {
  await openPage(page, '?metric=churn_rate&start=0&lost=0');
  await expect(resultValue(page)).toHaveCount(0);
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await expectNoBrokenNumbers(page);
});

test('inputs that contradict each other give a warning, not just a number', async ({ page }) => {
  await openPage(page, '?metric=retention_rate&start=200&end=250&new=30');
  await expect(resultValue(page)).toHaveText('110%');
  const warnings = page.getByRole('status').locator('.result__warnings li');
  expect(await warnings.count()).toBeGreaterThan(0);
  await expect(warnings.first()).not.toHaveText('');
  await expectNoBrokenNumbers(page);
});
