// A person searches the picker, picks churn rate, types numbers and reads the result.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, status, resultValue, expectNoBrokenNumbers } from './helpers.mjs';

guardPage(test);

test('search the picker, pick churn rate, type numbers, read value, formula and steps', async ({ page }) => {
  await openPage(page);

  const links = page.locator('#picker a[data-metric]');
  const total = await links.count();
  expect(total).toBe(22);

  // Every family is there, each with a heading and links.
  await expect(page.locator('#picker h2')).toHaveCount(6);

  await page.getByRole('searchbox').fill('churn');
  const churn = page.locator('#picker a[data-metric="churn_rate"]');
  await expect(churn).toBeVisible();
  // The search narrows the list: an unrelated metric disappears.
  await expect(page.locator('#picker a[data-metric="monthly_recurring_revenue"]')).toBeHidden();
  const visible = await links.evaluateAll((nodes) => nodes.filter((n) => n.offsetParent !== null).length);
  expect(visible).toBeGreaterThan(0);
  expect(visible).toBeLessThan(total);

  // A search that matches nothing says so.
  await page.getByRole('searchbox').fill('zzzzqqq');
  await expect(links.first()).toBeHidden();
  await expect(page.locator('.picker__no-match')).toBeVisible();
  await expect(page.locator('.picker__no-match')).not.toHaveText('');

  await page.getByRole('searchbox').fill('churn');
  await churn.click();
  await expect(churn).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveURL(/[?&]metric=churn_rate(&|$)/);
  await expect(page.locator('#metric-name')).toHaveText(await churn.innerText());

  // A fresh form: a prompt, no number, no error marks.
  await expect(resultValue(page)).toHaveCount(0);
  await expect(status(page)).not.toHaveText('');
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);

  await field(page, 'start').fill('200');
  await field(page, 'lost').fill('20');

  await expect(resultValue(page)).toHaveText('10%');
  await expect(page.locator('.result__formula code')).toContainText('L');
  await expect(page.locator('.result__formula code')).toContainText('S');
  const steps = page.locator('.result__steps ol li');
  expect(await steps.count()).toBeGreaterThan(0);
  const stepText = await steps.allInnerTexts();
  expect(stepText.join('\n')).toContain('20');
  expect(stepText.join('\n')).toContain('200');
  expect(stepText.at(-1)).toContain('10');
  await expect(page.locator('.result__reading')).not.toHaveText('');
  await expect(page).toHaveURL(/[?&]start=200&lost=20(&|$)/);
  await expectNoBrokenNumbers(page);
});

test('a plain click on a metric link switches in place; the link is a real address', async ({ page }) => {
  await openPage(page);
  const link = page.locator('#picker a[data-metric="net_promoter_score"]');
  await expect(link).toHaveAttribute('href', /[?&]metric=net_promoter_score/);
  const before = await page.evaluate(() => (window.__marker = performance.now()));
  await link.click();
  await expect(page.locator('#input-promoters')).toBeVisible();
  // No reload happened: the marker set before the click is still there.
  expect(await page.evaluate(() => window.__marker)).toBe(before);
});
