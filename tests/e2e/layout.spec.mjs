// Phone widths never scroll sideways; screenshots at desktop and phone size.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, resultValue, field } from './helpers.mjs';

guardPage(test);

const noSidewaysScroll = (page) =>
  page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));

for (const width of [360, 320]) {
  test(`at ${width}px wide no metric and no example scrolls sideways`, async ({ page }) => {
    test.slow(); // twenty metrics, each opened afresh
    await page.setViewportSize({ width, height: 740 });
    await openPage(page);
    const ids = await page.locator('#picker a[data-metric]').evaluateAll((nodes) => nodes.map((n) => n.dataset.metric));
    expect(ids.length).toBe(22);
    let longestStep = { id: '', length: 0 };
    for (const id of ids) {
      await openPage(page, `?metric=${id}&sector=restaurants`);
      let size = await noSidewaysScroll(page);
      expect(size.scroll, `${id}, empty form`).toBeLessThanOrEqual(size.client);
      const buttons = page.locator('button[data-example]');
      for (let i = 0; i < (await buttons.count()); i += 1) {
        await buttons.nth(i).click();
        await expect(resultValue(page)).toHaveCount(1);
        const steps = await page.locator('.result__steps li').allInnerTexts();
        for (const step of steps) {
          if (step.length > longestStep.length) longestStep = { id, length: step.length };
        }
        size = await noSidewaysScroll(page);
        expect(size.scroll, `${id}, example ${i + 1}`).toBeLessThanOrEqual(size.client);
      }
      // An error message is as wide as it gets, too.
      const first = page.locator('form input').first();
      await first.fill('12345678901234567890abc');
      size = await noSidewaysScroll(page);
      expect(size.scroll, `${id}, with an error`).toBeLessThanOrEqual(size.client);
    }
    expect(longestStep.length).toBeGreaterThan(0);
  });
}

test('a very long typed number does not widen the page at 320px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await openPage(page, '?metric=retention_cost');
  for (const id of ['team', 'software', 'program', 'other']) await field(page, id).fill('123456789012');
  await field(page, 'active_customers').fill('7');
  await expect(resultValue(page)).toHaveCount(1);
  const size = await noSidewaysScroll(page);
  expect(size.scroll).toBeLessThanOrEqual(size.client);
});

const SHOTS = [
  { name: 'desktop-result', width: 1280, height: 900, query: '?metric=retention_rate&start=200&end=210&new=30&sector=restaurants' },
  { name: 'desktop-money', width: 1280, height: 900, query: '?metric=retention_cost&team=5000&software=900&program=2500&active_customers=700' },
  { name: 'desktop-error', width: 1280, height: 900, query: '?metric=churn_rate&start=12abc&lost=-5' },
  { name: 'desktop-dark', width: 1280, height: 900, query: '?metric=net_promoter_score&promoters=60&passives=25&detractors=15', dark: true },
  { name: 'desktop-warning', width: 1280, height: 900, query: '?metric=retention_rate&start=200&end=250&new=30&sector=restaurants' },
  { name: 'phone-result', width: 390, height: 844, query: '?metric=customer_lifetime_value&aov=7&frequency=100&lifespan_years=3' },
  { name: 'phone-empty', width: 390, height: 844, query: '?metric=retention_rate' },
  { name: 'desktop-first-visit', width: 1280, height: 900, query: '' },
  { name: 'phone-error', width: 390, height: 844, query: '?metric=churn_rate&start=12abc&lost=-5' },
  { name: 'phone-dark', width: 390, height: 844, query: '?metric=retention_rate&start=200&end=210&new=30&sector=restaurants', dark: true },
];

for (const shot of SHOTS) {
  test(`screenshot ${shot.name}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    if (shot.dark) await page.emulateMedia({ colorScheme: 'dark' });
    await openPage(page, shot.query);
    const size = await noSidewaysScroll(page);
    expect(size.scroll).toBeLessThanOrEqual(size.client);
    await page.screenshot({
      path: testInfo.project.outputDir + `/screenshots/${shot.name}.png`,
      fullPage: true,
    });
  });
}
