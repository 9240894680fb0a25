// A person searches the picker, picks churn rate, types numbers and reads the result.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, status, resultValue, expectNoBrokenNumbers, expectNoAxeViolations } from './helpers.mjs';

guardPage(test);

test('search the picker, pick churn rate, type numbers, read value, formula and steps', async ({ page }) => {
  await openPage(page);

  const links = page.locator('#picker a[data-metric]');
  const total = await links.count();
  expect(total).toBe(22);

  // Every family is there, each with a heading and links.
  await expect(page.locator('#picker h2')).toHaveCount(6);

  await page.getByRole('searchbox').fill('churn');
  const churn = page.locator('#metric-results a[data-metric="churn_rate"]');
  await expect(churn).toBeVisible();
  // The search narrows the list to its matches, the best first: an unrelated metric disappears.
  await expect(page.locator('#metric-results a').first()).toHaveAttribute('data-metric', 'churn_rate');
  await expect(page.locator('#picker a[data-metric="monthly_recurring_revenue"]:visible')).toHaveCount(0);
  const visible = await links.evaluateAll((nodes) => nodes.filter((n) => n.offsetParent !== null).length);
  expect(visible).toBeGreaterThan(0);
  expect(visible).toBeLessThan(total);

  // A search that matches nothing says so.
  await page.getByRole('searchbox').fill('zzzzqqq');
  await expect(page.locator('#metric-groups')).toBeHidden();
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

test('a Polish café owner finds churn by the words she uses, and lands on it with Enter', async ({ page }) => {
  await openPage(page, '?lang=pl');
  const search = page.getByRole('searchbox');
  for (const [words, metric] of [
    ['rezygnacja', 'churn_rate'],
    ['odpływ klientów', 'churn_rate'],
    ['wskaźnik utrzymania', 'retention_rate'],
    ['powtórne zakupy', 'repeat_purchase_rate'],
    ['LTV', 'customer_lifetime_value'],
  ]) {
    await search.fill(words);
    await expect(page.locator('#metric-results a').first(), words).toHaveAttribute('data-metric', metric);
  }
  await search.fill('rezygnacja');
  await search.press('Enter');
  await expect(page).toHaveURL(/[?&]metric=churn_rate(&|$)/);
  await expect(page.locator('#metric-name')).toBeFocused();
  await expect(page.locator('#metric-name')).toHaveText('Wskaźnik odejść klientów (churn)');
});

test('a Russian salon owner misspells a word: the closest metrics are offered, and Down reaches them', async ({ page }, testInfo) => {
  await openPage(page, '?lang=ru');
  const search = page.getByRole('searchbox');
  await search.fill('удержанiе клиентов'); // a Latin-looking "i" typed by mistake
  await expect(page.locator('#metric-results a').first()).toHaveAttribute('data-metric', 'retention_rate');
  await search.fill('ваываыв');
  const none = page.locator('.picker__no-match');
  await expect(none).toContainText('Ближе всего:');
  await expect(none.locator('a[data-metric]')).toHaveCount(3);
  await search.press('ArrowDown');
  await expect(none.locator('a[data-metric]').first()).toBeFocused();
  await page.locator('#picker').screenshot({ path: `${testInfo.project.outputDir}/screenshots/picker-no-match-ru.png` });
});

test('an analyst types "cohort": the projection first, and the data view offered for the rest', async ({ page }, testInfo) => {
  await openPage(page);
  const search = page.getByRole('searchbox');
  await search.fill('cohort');
  await expect(page.locator('#metric-results a').first()).toHaveAttribute('data-metric', 'retention_projection');
  const hint = page.locator('.picker__data-hint');
  await expect(hint).toContainText('come from your own data');
  await page.locator('#picker').screenshot({ path: `${testInfo.project.outputDir}/screenshots/picker-cohort-en.png` });
  await expectNoAxeViolations(page, { include: '#picker' });
  await hint.getByRole('link', { name: 'Analyse your data' }).click();
  await expect(page).toHaveURL(/[?&]view=data/);
  await expect(page.locator('#data-heading')).toBeFocused();
  // A metric asked for in words that mention customers is a metric, not the data.
  await page.goBack();
  await search.fill('customer lifetime value');
  await expect(hint).toBeHidden();
});
