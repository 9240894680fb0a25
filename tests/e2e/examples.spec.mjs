// Each worked example from the spec loads with one click and shows the exact value.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, status, resultValue, expectNoBrokenNumbers } from './helpers.mjs';

guardPage(test);

const EXAMPLES = [
  { metric: 'retention_rate', example: 'coffee', inputs: { start: '200', end: '210', new: '30' }, shown: '90%' },
  { metric: 'churn_rate', example: 'coffee', inputs: { start: '200', lost: '20' }, shown: '10%' },
  { metric: 'customer_lifetime_value', example: 'coffee', inputs: { aov: '7', frequency: '100', lifespan_years: '3' }, shown: '$2,100' },
  { metric: 'repeat_purchase_rate', example: 'coffee', inputs: { repeat_customers: '150', customers: '500' }, shown: '30%' },
  { metric: 'net_promoter_score', example: 'coffee', inputs: { promoters: '60', passives: '25', detractors: '15' }, shown: '45' },
  { metric: 'retention_cost', example: 'coffee', inputs: { team: '5000', software: '900', program: '2500', active_customers: '700' }, shown: '$12' },
  { metric: 'churn_rate', example: 'general', inputs: { start: '1000', lost: '50' }, shown: '5%' },
  { metric: 'customer_lifetime_value', example: 'general', inputs: { aov: '50', frequency: '4', lifespan_years: '5' }, shown: '$1,000' },
  { metric: 'repeat_purchase_rate', example: 'general', inputs: { repeat_customers: '200', customers: '1000' }, shown: '20%' },
  { metric: 'net_promoter_score', example: 'general', inputs: { promoters: '70', passives: '', detractors: '10' }, shown: '60' },
  { metric: 'customer_satisfaction', example: 'general', inputs: { satisfied: '400', responses: '500' }, shown: '80%' },
  { metric: 'monthly_recurring_revenue', example: 'general', inputs: { customers: '100', arpc: '50' }, shown: '$5,000' },
];

for (const { metric, example, inputs, shown } of EXAMPLES) {
  test(`${metric} — ${example} example shows ${shown}`, async ({ page }) => {
    await openPage(page, `?metric=${metric}`);
    await expect(resultValue(page)).toHaveCount(0);

    const button = page.locator(`button[data-example="${example}"]`);
    await expect(button).toBeVisible();
    await expect(button).not.toHaveText('');
    await button.click();

    await expect(resultValue(page)).toHaveText(shown);
    await expect(status(page)).toContainText(shown);
    for (const [id, value] of Object.entries(inputs)) {
      await expect(field(page, id)).toHaveValue(value);
    }
    // The address now holds the example's inputs.
    const params = new URL(page.url()).searchParams;
    expect(params.get('metric')).toBe(metric);
    for (const [id, value] of Object.entries(inputs)) {
      if (value) expect(params.get(id)).toBe(value);
      else expect(params.has(id)).toBe(false);
    }
    await expect(page.locator('.result__steps li').first()).toBeVisible();
    await expectNoBrokenNumbers(page);
  });
}

test('every example of every metric in the catalog gives a result', async ({ page }) => {
  test.slow(); // twenty-one metrics and all their examples
  await openPage(page);
  const ids = await page.locator('#picker a[data-metric]').evaluateAll((nodes) => nodes.map((n) => n.dataset.metric));
  expect(ids.length).toBe(22);
  for (const id of ids) {
    await page.locator(`#picker a[data-metric="${id}"]`).click();
    await expect(page.locator('#picker a[aria-current="page"]')).toHaveAttribute('data-metric', id);
    const buttons = page.locator('button[data-example]');
    for (let i = 0; i < (await buttons.count()); i += 1) {
      await buttons.nth(i).click();
      await expect(resultValue(page), `${id} example ${i + 1}`).toHaveCount(1);
      await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
    }
  }
  await expectNoBrokenNumbers(page);
});

test('a first visit opens on a finished worked example, kept in the address', async ({ page }) => {
  await openPage(page);
  await expect(page.locator('#metric-name')).toHaveText('Customer retention rate');
  await expect(resultValue(page)).toHaveText('90%');
  await expect(field(page, 'start')).toHaveValue('200');
  await expect(page.locator('.steps')).toContainText('((210 − 30) / 200) × 100 = 90%');
  await expect(page).toHaveURL(/[?&]metric=retention_rate&start=200&end=210&new=30(&|$)/);
});
