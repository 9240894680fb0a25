// Knowing where you stand, as a café owner would find it: a monthly rate
// compared with yearly sector figures only after it is converted, a goal
// set, kept on this device and followed, and the what-if from the result
// and from the analysed file.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, resultValue, expectNoAxeViolations } from './helpers.mjs';
import { openDataView, runSample } from './data-helpers.mjs';

guardPage(test);

const comparison = (page) => page.locator('.result__benchmark');

/** A retention goal set on the coffee example (90 % a month today). */
async function setRetentionGoal(page, target) {
  await openPage(page, '?metric=retention_rate&start=200&end=210&new=30');
  await page.locator('#goal-set').click();
  await page.locator('#goal-amount').fill('88');
  await page.locator('#goal-save').click();
}

test('the coffee example is a month: converted to a year before it meets the yearly sector figure', async ({ page }) => {
  await openPage(page, '?metric=retention_rate&start=200&end=210&new=30&sector=restaurants');
  await expect(resultValue(page)).toHaveText('90%');
  await expect(page.locator('#input-period')).toHaveValue('month');
  await expect(comparison(page)).toContainText('90% a month is about 28% over a year if every month were like this one.');
  await expect(comparison(page)).toContainText('28% a year is 27 points below the Restaurants & cafés average of 55% a year.');
  await expect(comparison(page)).toContainText('Statista');

  // Over a year the same 90 % is compared as it is, and the link carries the period.
  await page.locator('#input-period').selectOption('year');
  await expect(comparison(page)).toContainText('90% a year is 35 points above the Restaurants & cafés average of 55% a year.');
  await expect(comparison(page)).not.toContainText('if every month');
  await expect(page).toHaveURL(/[?&]period=year(&|$)/);
  await page.reload();
  await expect(page.locator('#input-period')).toHaveValue('year');
  await expect(comparison(page)).toContainText('35 points above');
});

test('churn is compared with published subscription churn, and in Polish', async ({ page }) => {
  await openPage(page, '?metric=churn_rate&start=1000&lost=80&sector=subscriptions');
  await expect(resultValue(page)).toHaveText('8%');
  await expect(comparison(page)).toContainText('Subscription businesses lose about 5.6% a month: at 8% a month you lose 2.4 points more.');
  await expect(comparison(page)).toContainText('Recurly');
  await openPage(page, '?metric=churn_rate&start=200&lost=20&sector=restaurants&lang=pl');
  await expect(comparison(page)).toContainText('10% miesięcznie');
  await expect(comparison(page)).toContainText('72%');
  await expectNoAxeViolations(page);
});

test('a goal is set from today\'s value, followed on each result, kept after a reload, changed and removed', async ({ page }) => {
  await openPage(page, '?metric=churn_rate&start=200&lost=20');
  await expect(resultValue(page)).toHaveText('10%');
  await page.locator('#goal-set').click();
  await page.locator('#goal-kind').selectOption('change');
  await page.locator('#goal-amount').fill('-20');
  await expect(page.locator('#goal-preview')).toHaveText('Target: 8%, from 10% today.');
  await page.locator('#goal-save').click();
  await expect(page.locator('.goal__summary')).toContainText('Goal: 8% a month');
  await expect(page.locator('#goal-progress')).toHaveAttribute('value', '0');
  await expect(page.locator('.goal__state')).toContainText('2 points to go');
  await expect(page.locator('#goal-edit')).toBeFocused();

  // Half way: 9 % lost.
  await field(page, 'lost').fill('18');
  await expect(page.locator('#goal-progress')).toHaveAttribute('value', '50');
  await expect(page.locator('.goal__state')).toContainText('1 point to go: 50% of the way from 10%.');
  await expectNoAxeViolations(page, { include: '#goal' });

  // Kept on this device: after a reload it is still there; reached at 7.5 %.
  await page.goto('index.html?metric=churn_rate&start=200&lost=15');
  await expect(page.locator('.goal__state')).toHaveAttribute('data-met', 'true');
  await expect(page.locator('.goal__state')).toContainText('Goal reached: 7.5% against a target of 8%.');

  // A goal set per month is shown per quarter as the engine converts it.
  await page.locator('#input-period').selectOption('quarter');
  await expect(page.locator('.goal__note')).toContainText('Your goal is 8% a month');

  await page.locator('#goal-edit').click();
  await expect(page.locator('#goal-amount')).toHaveValue('8');
  await page.locator('#goal-amount').fill('150');
  await page.locator('#goal-save').click();
  await expect(page.locator('#goal-amount-error')).toHaveText('A percentage must be between 0 and 100.');
  await expect(page.locator('#goal-amount')).toHaveAttribute('aria-invalid', 'true');
  await page.locator('#goal-cancel').click();
  await page.locator('#goal-remove').click();
  await expect(page.locator('#goal-set')).toBeVisible();
  await expect(page.locator('.goal__status')).toHaveText('Goal removed.');
  expect(await page.evaluate(() => localStorage.getItem('retention-metrics:goals:v1'))).toBe('{}');
});

test('what if: two points more retention a month, with the sum worked out and what it saves', async ({ page }) => {
  await openPage(page, '?metric=retention_rate&start=200&end=210&new=30');
  await expect(resultValue(page)).toHaveText('90%');
  await expect(page.locator('#whatif-customers')).toHaveValue('200');
  await expect(page.locator('#whatif-retention')).toHaveValue('90');
  await expect(page.locator('#whatif-result')).toContainText('Type today\'s figures');
  await page.locator('#whatif-visits').fill('100');
  await page.locator('#whatif-aov').fill('7');
  await page.locator('#whatif-acquisition-cost').fill('30');
  // By keyboard: four steps of half a point.
  await page.locator('#whatif-more-retention').focus();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  await expect(page.locator('#whatif-more-retention')).toHaveAttribute('aria-valuetext', '+2 points');
  const table = page.locator('#whatif-table');
  await expect(table.locator('tr[data-row="yearly"]')).toContainText('28.2%');
  await expect(table.locator('tr[data-row="yearly"]')).toContainText('36.8%');
  await expect(table.locator('tr[data-row="kept"]')).toContainText('+18');
  await expect(page.locator('#whatif-worth')).toContainText('Winning 18 new customers to make up for them would cost about $540 at $30 each');
  await page.locator('.whatif__steps summary').click();
  await expect(page.locator('.whatif__steps')).toContainText('Kept over a year: (0.92)^12 = 36.8%');
  await expectNoAxeViolations(page, { include: '#whatif' });
  await page.setViewportSize({ width: 390, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await page.locator('#whatif').screenshot({ path: 'test-results/screenshots/whatif-phone.png' });
});

test('the data view compares its last full month, draws the goal and marks each period, and starts the what-if from the file', async ({ page }) => {
  await setRetentionGoal(page, '88');
  await expect(page.locator('.goal__summary')).toContainText('88%');

  await openDataView(page, '&sector=restaurants');
  await runSample(page);
  await expect(page.locator('#data-sector')).toHaveValue('restaurants');
  const compared = page.locator('#data-periods-comparison');
  await expect(compared).toContainText('Your last full month');
  await expect(compared).toContainText('over a year if every month were like this one');
  await expect(compared).toContainText('Restaurants & cafés average of 55% a year');
  await expect(page.locator('#data-rates-chart .chart__svg .chart__target--retention')).toHaveCount(1);
  await expect(page.locator('#data-periods-goals')).toContainText('Retention rate 88%');
  const cells = page.locator('#data-periods td[data-goal="retention_rate"]');
  expect(await cells.count()).toBeGreaterThan(10);
  const marks = await cells.evaluateAll((nodes) => nodes.map((n) => n.dataset.met));
  expect(marks).toContain('true');
  expect(marks).toContain('false');
  await expect(cells.first()).toContainText(/met/);

  // Each row's "Open" carries the period and the sector to the calculator.
  const open = page.locator('#data-periods a.open-calculator').first();
  await expect(open).toHaveAttribute('href', /period=month/);
  await expect(open).toHaveAttribute('href', /sector=restaurants/);

  const whatIf = page.locator('#data-whatif-section');
  await expect(whatIf).toContainText('Starting from your file');
  await expect(page.locator('#data-whatif-visits')).not.toHaveValue('');
  await page.locator('#data-whatif-more-retention').fill('3');
  await expect(page.locator('#data-whatif-table tr[data-row="clv"]')).toContainText('+');
  await expectNoAxeViolations(page, { include: '#data-periods' });
  await expectNoAxeViolations(page, { include: '#data-whatif-section' });
  await page.locator('#data-periods').screenshot({ path: 'test-results/screenshots/data-periods-goal.png' });
});

test('set a goal, analyse twice, see the change since the last check and the goal in the new period', async ({ page }) => {
  await setRetentionGoal(page, '88');

  await openDataView(page);
  await runSample(page);
  await page.locator('#history-keep').click();
  await expect(page.locator('#history-list > li')).toHaveCount(1);

  // The same file by quarter: a second analysis, compared with the kept one.
  await page.locator('#data-period').selectOption('quarter');
  await expect(page.locator('#history-compare')).toBeVisible({ timeout: 30000 });
  // The kept month's rates are brought to a quarter before they are compared.
  await expect(page.locator('#history-compare [data-figure="retention_rate"]')).toContainText('a month');
  await expect(page.locator('#history-converted')).toContainText('converted to rates over a quarter');
  await expect(page.locator('#data-periods-comparison')).toContainText('Your last full quarter');
  // 88 % a month held for a quarter: 0.88³ ≈ 68.1 %.
  await expect(page.locator('#data-periods-goals')).toContainText('68.1%');
  await expect(page.locator('#data-periods td[data-goal="retention_rate"]').first()).toBeVisible();
});

test('a goal on the repeat purchase rate is followed on the data view\'s card', async ({ page }) => {
  await openPage(page, '?metric=repeat_purchase_rate&repeat_customers=150&customers=500');
  await expect(resultValue(page)).toHaveText('30%');
  await page.locator('#goal-set').click();
  await page.locator('#goal-amount').fill('70');
  await page.locator('#goal-save').click();
  await openDataView(page);
  await runSample(page);
  const goal = page.locator('[data-total="repeat_purchase_rate"] .card__goal');
  await expect(goal).toHaveAttribute('data-met', 'false');
  await expect(goal).toContainText(/Goal 70%: [\d.]+ points to go/);
  await expectNoAxeViolations(page, { include: '#data-totals' });
});

test('no axe violations in dark mode at phone width: the goal form open, the what-if worked out', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 390, height: 900 });
  await openPage(page, '?metric=retention_rate&start=200&end=210&new=30&sector=restaurants&lang=pl');
  await page.locator('#whatif-visits').fill('100');
  await page.locator('#whatif-aov').fill('7');
  await page.locator('#whatif-more-aov').fill('1');
  await expect(page.locator('#whatif-table tr[data-row="clv"]')).toBeVisible();
  await page.locator('#goal-set').click();
  await page.locator('#goal-amount').fill('abc');
  await page.locator('#goal-save').click();
  await expect(page.locator('#goal-amount-error')).toBeVisible();
  await expect(page.locator('#goal-amount')).toBeFocused();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await page.screenshot({ path: 'test-results/screenshots/goal-form-dark-phone-pl.png', fullPage: true });
});
