// The survey and cost sections have a Cancel of their own, as the orders do:
// it ends that section's run only, and the other section's carries on.
import { test, expect } from '@playwright/test';
import { guardPage } from './helpers.mjs';
import { openDataView, holdEngineDownload } from './data-helpers.mjs';

guardPage(test);

test("a survey run can be cancelled while the costs' run carries on", async ({ page }) => {
  await openDataView(page);
  // Hold the engine's download so both sections' calls wait in the worker.
  const release = await holdEngineDownload(page);
  const survey = page.locator('#data-survey');
  const costs = page.locator('#data-costs');
  await page.locator('#survey-paste').fill('10\n9\n3\n');
  await survey.getByRole('button', { name: 'Analyse answers' }).click();
  await page.locator('#costs-paste').fill('Team;5000\nSoftware;900\nProgramme;2500');
  await costs.getByRole('button', { name: 'Analyse costs' }).click();

  const surveyProgress = page.locator('#survey-progress');
  await expect(surveyProgress).toBeVisible();
  await expect(survey.getByText('Reading your answers…')).toBeVisible();
  await expect(page.locator('#costs-progress')).toBeVisible();
  await expect(page.locator('#survey-result')).toHaveAttribute('aria-busy', 'true');
  await survey.getByRole('button', { name: 'Cancel' }).click();
  await expect(surveyProgress).toBeHidden();
  await expect(page.locator('#survey-result')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('#survey-result')).toBeEmpty();
  await expect(page.locator('#survey-paste')).toHaveValue('10\n9\n3\n');

  await page.unroute('**/pkg/retention_metrics_bg.wasm');
  release();
  await expect(costs.locator('tr[data-category="Team"]')).toBeVisible();
  await expect(page.locator('#costs-progress')).toBeHidden();
  await expect(page.locator('#survey-result')).toBeEmpty();

  await survey.getByRole('button', { name: 'Analyse answers' }).click();
  await expect(page.locator('#survey-result .data-value')).toHaveText('33');
});
