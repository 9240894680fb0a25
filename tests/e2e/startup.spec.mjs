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

test('the page is busy until the engine has started, then shows its texts', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/pkg/retention_metrics_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('index.html');
  await expect(page.locator('#loading')).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await expect(page.locator('#loading')).toBeHidden();
  await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('h1')).not.toHaveText('');
  await expect(page.locator('#privacy')).not.toHaveText('');
  await expect(page).toHaveTitle(/\S/);
});

test('reduced motion stops animations', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPage(page);
  const duration = await page.locator('.examples__button').first().evaluate((n) => getComputedStyle(n).transitionDuration);
  expect(parseFloat(duration)).toBeLessThan(0.001);
});
