// The data view with axe-core (light, dark, mapping step open) and with the keyboard alone.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, resultValue, tabUntil, expectVisibleFocus, expectNoAxeViolations } from './helpers.mjs';
import { openDataView, chooseOrdersFile, runSample } from './data-helpers.mjs';

guardPage(test);

async function fillSurveyAndCosts(page) {
  await page.locator('#survey-paste').fill('10\n9\n8\n6\n3\n10\n');
  await page.getByRole('button', { name: 'Analyse answers' }).click();
  await expect(page.locator('#data-survey .data-value')).toHaveText('17');
  await page.locator('#costs-paste').fill('Team;5000\nSoftware;900\nProgramme;2500');
  await page.getByRole('button', { name: 'Analyse costs' }).click();
  await expect(page.locator('#data-costs .data-value')).toHaveText('$47.19');
}

test('no axe violations after an analysis, with survey and costs results', async ({ page }) => {
  await openDataView(page);
  await runSample(page);
  await fillSurveyAndCosts(page);
  await expectNoAxeViolations(page);
});

test('no axe violations in dark mode after an analysis', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openDataView(page);
  await runSample(page);
  await fillSurveyAndCosts(page);
  await expectNoAxeViolations(page);
});

test('no axe violations with the mapping step open (light and dark)', async ({ page }) => {
  await openDataView(page);
  await chooseOrdersFile(page, 'orders-no-header.csv');
  await expect(page.locator('#data-mapping')).toBeVisible();
  await expectNoAxeViolations(page);
  // With a field marked as missing, too.
  await page.getByLabel('Customer', { exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Analyse with these columns' }).click();
  await expect(page.locator('#data-map-customer-error')).toBeVisible();
  await expectNoAxeViolations(page);
  // Switched in place: without transitions, so axe sees the final colours.
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await expectNoAxeViolations(page);
});

test('no axe violations on the empty data view at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDataView(page);
  await expectNoAxeViolations(page);
});

test('keyboard only: to the data view, the sample, a table, and a period into the calculator', async ({ page }) => {
  await openPage(page, '?metric=churn_rate');
  await page.evaluate(() => window.scrollTo(0, 0));
  await tabUntil(page, () => document.activeElement.id === 'view-data', 6, 'the "Analyse your data" link');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('#data-heading')).toBeFocused();

  // The file input is the first stop in the view: a real, labelled control.
  await page.keyboard.press('Tab');
  await expect(page.locator('#data-file')).toBeFocused();
  await expectVisibleFocus(page);
  await tabUntil(page, () => document.activeElement.id === 'data-sample', 4, 'the sample button');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('#data-status')).toContainText('Analysis ready');

  // The period table's scroller takes focus (so it can be scrolled with the arrow keys).
  await tabUntil(page, () => document.activeElement.matches('.table-scroll') && document.activeElement.contains(document.querySelector('.periods-table')), 30, 'the period table');
  await expectVisibleFocus(page);
  const before = await page.evaluate(() => document.activeElement.scrollLeft);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const after = await page.evaluate(() => document.activeElement.scrollLeft);
  expect(after).toBeGreaterThanOrEqual(before);

  await tabUntil(page, () => document.activeElement.matches('.open-calculator'), 5, 'a period\'s calculator link');
  // The first period with customers at the start (the first month has none, and no link).
  const rate = await page.evaluate(() => document.activeElement.closest('tr').querySelector('[data-col="retention_rate"]').textContent);
  const start = await page.evaluate(() => document.activeElement.closest('tr').querySelector('[data-col="start"]').textContent);
  expect(start).toBe('95');
  await page.keyboard.press('Enter');
  await expect(page.locator('#metric-name')).toBeFocused();
  await expect(field(page, 'start')).toHaveValue(start);
  await expect(resultValue(page)).toHaveText(rate);
});

test('the skip link in the data view goes to the data view', async ({ page }) => {
  await openDataView(page);
  await page.keyboard.press('Tab');
  const skip = page.locator('#skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText('Skip to the data analysis');
  await page.keyboard.press('Enter');
  await expect(page.locator('#data-heading')).toBeFocused();
  await expect(page).toHaveURL(/\?view=data/);
  await expect(page).not.toHaveURL(/#/);
});
