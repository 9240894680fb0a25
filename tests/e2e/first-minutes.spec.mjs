// The first five minutes (issue 16) as new users meet them: a file analysed
// takes them to its report, in every language; a lifespan typed in months
// where years are asked is converted, not refused.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, status, expectNoAxeViolations } from './helpers.mjs';
import { openDataView, dropFile, expectReport, runSampleIn, periodCell } from './data-helpers.mjs';

guardPage(test);

for (const [lang, ready, heading] of [
  ['en', 'Analysis ready', 'What was understood'],
  ['pl', 'Analiza gotowa', 'Co udało się odczytać'],
  ['ru', 'Анализ готов', 'Как прочитаны данные'],
]) {
  test(`${lang}: a dropped file's report takes the focus and the view, not the file input`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openDataView(page, `&lang=${lang}`);
    await dropFile(page, '#data-drop', 'orders-pl-cp1250.csv');
    await expectReport(page, ready);
    const first = page.locator('#data-results h3').first();
    await expect(first).toBeFocused();
    await expect(first).toHaveText(heading);
    await expect(first).toBeInViewport();
    await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/first-report-focus-${lang}.png` });
    // Changing a setting analyses again and leaves the focus on the setting.
    await page.locator('#data-window').fill('60');
    await page.locator('#data-window').press('Tab');
    await expect(page.locator('#data-status')).toContainText(ready);
    await expect(first).not.toBeFocused();
  });
}

for (const [lang, typed, read, bare, offer, value] of [
  ['en', '36 months', '36 months is 3 years', '36', 'Use 3 years', '$600'],
  ['pl', '18 mies.', '18 mies. to 1,5 roku', '24', 'Wpisz 2 lata', '300 zł'],
  ['ru', '6 месяцев', '6 месяцев — это 0,5 года', '30', 'Подставить 2,5 года', '100 ₽'],
]) {
  test(`${lang}: a lifespan in months where years are asked is converted; many bare years are offered as months`, async ({ page }, testInfo) => {
    await openPage(page, `?metric=customer_lifetime_value&lang=${lang}&aov=50&frequency=4`);
    const lifespan = field(page, 'lifespan_years');
    await lifespan.fill(typed);
    const note = page.locator('#note-lifespan_years');
    await expect(note).toContainText(read);
    await expect(page.locator('#error-lifespan_years')).toBeHidden();
    await expect(status(page)).toContainText(value);
    await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/lifespan-months-${lang}.png` });
    // A bare number of years that looks like months: the result stands, a button offers the months.
    await lifespan.fill(bare);
    const use = note.getByRole('button', { name: offer });
    await expect(use).toBeVisible();
    await expectNoAxeViolations(page, { include: '#calculator' });
    await use.click();
    await expect(lifespan).toBeFocused();
    await expect(note).toBeHidden();
    await expect(lifespan).not.toHaveValue(bare);
  });
}

for (const [lang, rhythm, use] of [
  ['en', 'comes back about every 29 days', 'Use 90 days'],
  ['pl', 'wraca mniej więcej co 29 dni', 'Ustaw 90 dni'],
  ['ru', 'приходит примерно раз в 29 дней', 'Поставить 90 дней'],
]) {
  test(`${lang}: the activity window says which value suits which business and what the file's rhythm suggests`, async ({ page }, testInfo) => {
    await openDataView(page, `&lang=${lang}&window=30`);
    await page.locator('#data-sample').click();
    const note = page.locator('#data-window-rhythm');
    await expect(note).toContainText(rhythm);
    await expect(page.locator('#data-window-help')).toContainText('30');
    await page.locator('#data-window').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/window-rhythm-${lang}.png` });
    await expectNoAxeViolations(page, { include: '.data-settings' });
    await note.getByRole('button', { name: use }).click();
    await expect(page.locator('#data-window')).toHaveValue('90');
    // The window now fits the rhythm: the note stays, its button goes.
    await expect(note.getByRole('button')).toHaveCount(0);
  });
}

for (const lang of ['en', 'pl', 'ru']) {
  test(`${lang}: the period table shows the repeat-purchase rate and fits a 1280 px screen without sideways scrolling`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await runSampleIn(page, lang);
    const scroller = page.locator('#data-periods .table-scroll');
    await expect(periodCell(page, '2025-03', 'repeat_purchase_rate')).toHaveText(/^\d+([.,]\d)?\s?%$/);
    const { scroll, client } = await scroller.evaluate((box) => ({ scroll: box.scrollWidth, client: box.clientWidth }));
    expect(scroll, 'the period table scrolls sideways').toBeLessThanOrEqual(client);
    await page.locator('#data-periods').screenshot({ path: `${testInfo.project.outputDir}/screenshots/periods-1280-${lang}.png` });
  });
}
