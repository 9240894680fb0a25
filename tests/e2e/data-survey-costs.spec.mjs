// Survey answers (NPS, CSAT, CES) and retention costs, pasted as people copy them.
import { test, expect } from '@playwright/test';
import { guardPage, expectNoBrokenNumbers } from './helpers.mjs';
import { openDataView, runSample, fixture, dropFile } from './data-helpers.mjs';

guardPage(test);

const survey = (page) => page.locator('#data-survey');
const costs = (page) => page.locator('#data-costs');

async function pasteAnswers(page, text) {
  await page.locator('#survey-paste').fill(text);
  await survey(page).getByRole('button', { name: 'Analyse answers' }).click();
}

/** A bar's count as written on it, and as the chart holds it. */
async function expectBar(page, score, count) {
  const bar = survey(page).locator(`.bar-chart__item[data-score="${score}"]`);
  await expect(bar).toHaveAttribute('data-count', String(count));
  await expect(bar.locator('.bar-chart__count')).toHaveText(String(count));
  return bar.locator('.bar-chart__share');
}

test('NPS from a column of scores: 17, exactly 16.67, with a bar per score', async ({ page }) => {
  await openDataView(page);
  // 10, 9, 8, 6, (blank), 3, 10: promoters 3, passive 1, detractors 2 of 6 answers.
  await pasteAnswers(page, '10\n9\n8\n6\n\n3\n10\n');
  const result = survey(page).locator('#survey-result');
  await expect(result.locator('.data-value')).toHaveText('17');
  await expect(result.locator('.data-value__exact')).toHaveText('Exactly 16.67, rounded to a whole number.');
  await expect(result.locator('.data-value__detail')).toHaveText(
    'Promoters: 3 (50%). Passives: 1 (16.7%). Detractors: 2 (33.3%).');
  await expect(result.locator('.data-rule')).toHaveText(
    'Promoters answer 9–10, passives 7–8, detractors 0–6. NPS = % promoters − % detractors.');
  await expect(result).toContainText('6 answers read');

  await expect(survey(page).locator('.bar-chart__item')).toHaveCount(11); // 0 to 10
  await expect(await expectBar(page, 10, 2)).toHaveText('33%');
  await expect(await expectBar(page, 9, 1)).toHaveText('17%');
  await expectBar(page, 8, 1);
  await expectBar(page, 7, 0);
  await expectBar(page, 6, 1);
  await expectBar(page, 3, 1);
  await expect(survey(page).getByRole('list', { name: 'Answers by score' }).getByRole('listitem').nth(10)).toContainText('Score 10: 2 answers (33.3%)');
  await expectNoBrokenNumbers(page);
});

test('NPS rounds half away from zero, below zero too', async ({ page }) => {
  await openDataView(page);
  // 1 promoter, 5 passives, 2 detractors of 8 answers: (1 − 2) / 8 × 100 = −12.5 exactly → −13.
  await pasteAnswers(page, '9\n7\n7\n7\n7\n7\n0\n0\n');
  await expect(survey(page).locator('.data-value')).toHaveText('-13');
  await expect(survey(page).locator('.data-value__exact')).toHaveText('Exactly -12.5, rounded to a whole number.');
});

test('CSAT with the scale found from the answers, then set by hand; CES', async ({ page }) => {
  await openDataView(page);
  await survey(page).getByLabel('Survey', { exact: true }).selectOption('csat');
  const scale = survey(page).getByLabel('CSAT scale');
  await expect(scale).toBeVisible();
  await expect(scale).toHaveValue('auto');
  // 5, 4, 3, 5, 2, 4 on 1–5: satisfied (4–5) = 4 of 6.
  await pasteAnswers(page, 'score\n5\n4\n3\n5\n2\n4\n');
  await expect(survey(page).locator('.data-value')).toHaveText('66.7%');
  await expect(survey(page).locator('#survey-result')).toContainText('Scale found in the answers: 1–5.');
  await expect(survey(page).locator('.data-rule')).toContainText('Satisfied = 4–5 on a 1–5 scale');
  await expect(survey(page).locator('.bar-chart__item')).toHaveCount(5);
  await expectBar(page, 4, 2);

  // The same answers read on a 1–7 scale: only 6–7 count as satisfied.
  await scale.selectOption('7');
  await expect(survey(page).locator('.data-rule')).toContainText('Satisfied = 6–7 on a 1–7 scale');
  await expect(survey(page).locator('.data-value')).toHaveText('0%');
  await expect(survey(page).locator('.bar-chart__item')).toHaveCount(7);

  // CES from the same box, re-run on the kind change: 7, 6, 5, 2, 4.
  await survey(page).getByLabel('Survey', { exact: true }).selectOption('ces');
  await expect(scale).toBeHidden();
  await pasteAnswers(page, '7\n6\n5\n2\n4\n');
  await expect(survey(page).locator('.data-value')).toHaveText('4.80');
  await expect(survey(page).locator('[data-value="agree"]')).toHaveText('60%');
  await expect(survey(page).locator('[data-value="index"]')).toHaveText('20');
});

test('answers that are not scores: the engine\'s message in the survey\'s alert', async ({ page }) => {
  await openDataView(page);
  await pasteAnswers(page, 'great\nfine\n');
  await expect(page.locator('#survey-alert')).toHaveText('No scores found. Each answer should be a whole number such as 9 or 4.');
  await expect(survey(page).locator('.data-value')).toHaveCount(0);
});

test('costs: three categories and 700 active customers make 12 per customer', async ({ page }) => {
  await openDataView(page);
  await page.locator('#costs-paste').fill('Team;5000\nSoftware;900\nProgramme;2500');
  await costs(page).getByRole('button', { name: 'Analyse costs' }).click();
  // No active customers yet: the categories, and a prompt for the number.
  await expect(costs(page).locator('tr[data-category="Team"] td[data-col="amount"]')).toHaveText('$5,000.00');
  await expect(costs(page).locator('tr[data-category="Team"] td[data-col="share"]')).toHaveText('59.5%');
  await expect(costs(page).locator('tr[data-category="Software"] td[data-col="share"]')).toHaveText('10.7%');
  await expect(costs(page).locator('tr[data-category="Programme"] td[data-col="share"]')).toHaveText('29.8%');
  await expect(costs(page).locator('td[data-col="total"]')).toHaveText('$8,400.00');
  await expect(costs(page).locator('.data-note')).toHaveText('Type the number of active customers to see the cost per customer.');

  await costs(page).getByLabel('Active customers in the same period').fill('700');
  await expect(costs(page).locator('.data-value')).toHaveText('$12');
  await expect(costs(page).locator('.data-value__detail')).toHaveText('$8,400 ÷ 700 active customers');
  await expectNoBrokenNumbers(page);
});

test('costs take the active customers from an orders analysis, until the user types their own', async ({ page }) => {
  await openDataView(page);
  await page.locator('#costs-paste').fill('Team;5000\nSoftware;900\nProgramme;2500');
  await costs(page).getByRole('button', { name: 'Analyse costs' }).click();
  await runSample(page);
  const active = costs(page).getByLabel('Active customers in the same period');
  await expect(active).toHaveValue('178');
  await expect(page.locator('#costs-active-help')).toContainText('Filled in from your orders');
  await expect(costs(page).locator('.data-value')).toHaveText('$47.19'); // 8400 / 178
  await active.fill('-3');
  await expect(active).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#costs-active-error')).toHaveText('Type the number of active customers as a whole number, such as 700.');
  await active.fill('700');
  await expect(costs(page).locator('.data-value')).toHaveText('$12');
  // A new analysis of the orders leaves a typed number alone.
  await page.getByLabel('Activity window (days)').fill('30');
  await expect(page.locator('#data-periods-caption')).toContainText('30 days');
  await expect(active).toHaveValue('700');
});

test('a survey export chosen as a file: the score column is found among the others', async ({ page }) => {
  await openDataView(page);
  // Response ID;Score;Comment — the same answers as above, with one blank score.
  await page.locator('#survey-file').setInputFiles(fixture('nps-answers.csv'));
  await expect(survey(page).locator('.data-value')).toHaveText('17');
  await expect(survey(page).locator('#survey-result')).toContainText('6 answers read (column: Score). 1 blank cell left out.');
});

test('a costs file dropped on its drop zone, its total row left out and listed', async ({ page }) => {
  await openDataView(page);
  await costs(page).getByLabel('Active customers in the same period').fill('700');
  await dropFile(page, '#costs-drop', 'costs.csv');
  await expect(costs(page).locator('.data-value')).toHaveText('$12');
  await expect(costs(page).locator('td[data-col="total"]')).toHaveText('$8,400.00');
  await costs(page).locator('summary').click();
  await expect(costs(page).locator('.skipped li')).toHaveText([/^Row 5: A total row/]);
});
