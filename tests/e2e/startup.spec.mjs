// Loading and failure states, and motion preferences.
import { test, expect } from '@playwright/test';
import { guardPage, openPage } from './helpers.mjs';

guardPage(test);

test('a readable message when the engine cannot load', async ({ page }) => {
  await page.route('**/pkg/retention_metrics_bg.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto('index.html');
  const failed = page.locator('#load-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toHaveAttribute('role', 'alert');
  expect((await failed.innerText()).trim().length).toBeGreaterThan(20);
  await expect(page.locator('#loading')).toBeHidden();
  await expect(page.locator('#app')).toBeHidden();
});

for (const [lang, title, starting, fieldLabel] of [
  ['en', 'Customer retention calculator', 'Starting the calculator…', 'Customers at the start (S)'],
  ['pl', 'Kalkulator retencji klientów', 'Uruchamiam kalkulator…', 'Klienci na początku (S)'],
  ['ru', 'Калькулятор удержания клиентов', 'Запускаем калькулятор…', 'Клиенты на начало периода (S)'],
]) {
  test(`${lang}: while the engine loads, the header and the form are there and take typing; the page keeps what was typed`, async ({ page }, testInfo) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/pkg/retention_metrics_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`index.html?metric=retention_rate&lang=${lang}`);
    await expect(page.locator('h1')).toHaveText(title);
    await expect(page.locator('#privacy')).not.toHaveText('');
    await expect(page.locator('#loading')).toBeHidden();
    await expect(page.locator('#result-status')).toHaveText(starting);
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('html.is-ready')).toHaveCount(0);
    const start = page.getByLabel(fieldLabel);
    await start.fill('200');
    await page.locator('#input-end').fill('210');
    await page.locator('#input-new').fill('30');
    await page.locator('#input-new').press('ArrowLeft');
    await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/first-paint-${lang}.png` });
    release();
    await expect(page.locator('html.is-ready')).toHaveCount(1);
    await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
    // The engine's result for what was typed meanwhile; the focus and the caret stay where they were.
    await expect(page.locator('.result__value')).toHaveText(/90/);
    await expect(start).toHaveValue('200');
    await expect(page.locator('#input-new')).toBeFocused();
    expect(await page.locator('#input-new').evaluate((node) => node.selectionStart)).toBe(1);
    await expect(page).toHaveTitle(/\S/);
  });
}

test('reduced motion stops animations', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPage(page);
  const duration = await page.locator('.examples__button').first().evaluate((n) => getComputedStyle(n).transitionDuration);
  expect(parseFloat(duration)).toBeLessThan(0.001);
});
