// Subscriptions and memberships as a gym or a small SaaS would try them:
// paste the members still paying per sign-up month into the projection
// calculator and read what it says; drop a billing export and see where the
// MRR moved; from an orders log of monthly members, one click from a cohort
// row to its projection.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, resultValue, expectNoAxeViolations } from './helpers.mjs';
import { openDataView, dropFile } from './data-helpers.mjs';

guardPage(test);

test('pasted cohorts are projected with their chart, the value of a member and 1 / churn beside it', async ({ page }) => {
  await openPage(page, '?metric=retention_projection');
  // As a spreadsheet copies it: a header row, a label per cohort, tabs.
  await field(page, 'survival').fill('Cohort\tMonth 0\tMonth 1\tMonth 2\tMonth 3\n2024-01\t1000\t631\t468\t382\n2024-02\t800\t520\t392\n');
  await field(page, 'price').fill('50');
  await field(page, 'discount').fill('1');
  await expect(resultValue(page)).toHaveText(/^\d+(\.\d)?%$/);
  await expect(page.locator('.result__reading')).toContainText('still members after period 12');
  const steps = page.locator('.result__steps li');
  await expect(steps.first()).toContainText('Fitted to 2 cohorts over 3 periods');
  await expect(steps.filter({ hasText: 'A new member\'s value' })).toHaveCount(1);
  await expect(steps.filter({ hasText: 'The same from 1 / churn' })).toContainText('undervalues a member');
  await expect(page.locator('#result-projection-chart .chart__svg')).toBeVisible();
  await expect(page.locator('#result-projection-chart [data-series="actual"] .chart__point')).toHaveCount(4);
  await expect(page.locator('#result-projection-chart [data-series="expected"] .chart__point')).toHaveCount(13);
  await expect(page).toHaveURL(/[?&]survival=/);
  await expectNoAxeViolations(page);

  // A cohort that grows is marked on the field, with the line it is on.
  await field(page, 'survival').fill('100 80 85');
  await expect(page.locator('#error-survival')).toContainText('line 1: more members than in the period before');
  await expect(field(page, 'survival')).toHaveAttribute('aria-invalid', 'true');
});

test('the paper\'s regular plan as a worked example, in Polish', async ({ page }) => {
  await openPage(page, '?metric=retention_projection&lang=pl');
  await page.locator('button[data-example="regular"]').click();
  await expect(field(page, 'survival')).toHaveValue('100 63,1 46,8 38,2 32,6 28,9 26,2 24,1');
  await expect(resultValue(page)).toHaveText('17%');
  await expect(page.locator('.result__steps li').first()).toContainText('α = 0,7041');
});

test('a billing export dropped: the month\'s waterfall, every month\'s movements, cohorts and plans', async ({ page }) => {
  await openDataView(page);
  await dropFile(page, '#subscriptions-drop', 'billing-studio.csv');
  const section = page.locator('#data-subscriptions');
  await expect(section.locator('#subscriptions-waterfall')).toBeVisible({ timeout: 20000 });
  await expect(section.locator('[data-total="mrr"] .card__value')).toHaveText('$953.00');
  await expect(section.locator('tr[data-month="2024-03"] td[data-col="churned"]')).toHaveText('$158.00');
  await expect(section.locator('tr[data-month="2024-03"] td[data-col="gross_mrr_churn"]')).toHaveText('21.9%');
  // Every annual plan counts 490 / 12 a month.
  await expect(section.locator('.subscriptions-plans')).toContainText('Studio annual: $245.00 from 6 customers');
  await section.locator('#subscriptions-month').selectOption('2024-05');
  await expect(section.locator('#subscriptions-waterfall [data-step="expansion"]')).toContainText('+$30.00');
  // The month's customer churn opens in the churn calculator with its numbers.
  const churn = section.locator('tr[data-month="2024-03"] td[data-col="customer_churn"] a');
  await expect(churn).toHaveAttribute('href', /metric=churn_rate&start=\d+&lost=\d+&period=month/);
  await expect(section.locator('table.heat-table tr[data-cohort="2024-01"] td.heat').first()).toHaveText('100.0');
  await expectNoAxeViolations(page, { include: '#data-subscriptions' });
  await page.setViewportSize({ width: 390, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await section.screenshot({ path: 'test-results/screenshots/subscriptions-phone.png' });
  // A month's gross MRR churn opens in the MRR churn calculator, which works out the same figure.
  await section.locator('tr[data-month="2024-03"] td[data-col="gross_mrr_churn"] a').click();
  await expect(page).toHaveURL(/metric=mrr_churn&mrr_start=/);
  await expect(resultValue(page)).toHaveText('21.9%');
  await expect(page.locator('.result__steps li').nth(2)).toContainText('Net revenue retention: 100% − ');
});

test('an orders log of monthly members: one click from a cohort row to its projection', async ({ page }) => {
  await openDataView(page);
  await dropFile(page, '#data-drop', 'billing-studio.csv');
  const project = page.locator('#data-cohorts tr[data-cohort="2024-01"] a.open-calculator');
  await expect(project).toBeVisible({ timeout: 20000 });
  await project.click();
  await expect(page).toHaveURL(/metric=retention_projection/);
  await expect(field(page, 'survival')).toHaveValue(/^6 /);
  await expect(resultValue(page)).toHaveText(/%$/);
});

test('the sample gym: one click, eighteen months of movements and three plans, in Russian', async ({ page }) => {
  await openDataView(page, '&lang=ru');
  await page.locator('#subscriptions-sample').click();
  const section = page.locator('#data-subscriptions');
  await expect(section.locator('#subscriptions-waterfall')).toBeVisible({ timeout: 20000 });
  await expect(section.locator('table.subscriptions-table tbody tr')).toHaveCount(18);
  await expect(section.locator('.subscriptions-plans li')).toHaveCount(3);
  await expect(section.locator('#subscriptions-waterfall')).toContainText('Движение MRR');
  await expectNoAxeViolations(page, { include: '#data-subscriptions' });
});
