// axe-core finds nothing on the page with a result, with errors, and in dark mode.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, resultValue, expectFieldError, expectNoAxeViolations } from './helpers.mjs';

guardPage(test);

test('no axe violations with a result (benchmark and sector shown)', async ({ page }) => {
  await openPage(page, '?metric=retention_rate&start=200&end=210&new=30&sector=restaurants');
  await expect(resultValue(page)).toHaveText('90%');
  await expectNoAxeViolations(page);
});

test('no axe violations with money, currency select and example buttons', async ({ page }) => {
  await openPage(page, '?metric=retention_cost');
  await page.locator('button[data-example="coffee"]').click();
  await expect(resultValue(page)).toHaveText('$12');
  await expectNoAxeViolations(page);
});

test('no axe violations with errors showing', async ({ page }) => {
  await openPage(page, '?metric=churn_rate');
  await field(page, 'start').fill('12abc');
  await field(page, 'lost').fill('-5');
  await expectFieldError(page, 'start');
  await expectFieldError(page, 'lost');
  await expectNoAxeViolations(page);
});

test('no axe violations in dark mode, at phone width, with a result', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 390, height: 844 });
  await openPage(page, '?metric=customer_lifetime_value&aov=7&frequency=100&lifespan_years=3&margin_percent=abc');
  await expectFieldError(page, 'margin_percent');
  await field(page, 'margin_percent').fill('');
  await expect(resultValue(page)).toHaveText('$2,100');
  await expectNoAxeViolations(page);
});

test('no axe violations on a picker search with no match', async ({ page }) => {
  await openPage(page);
  await page.locator('#metric-search').fill('zzzzqqq');
  await expectNoAxeViolations(page);
});
