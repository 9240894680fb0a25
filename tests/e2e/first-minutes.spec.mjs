// The first five minutes (issue 16) as new users meet them: a file analysed
// takes them to its report, in every language.
import { test, expect } from '@playwright/test';
import { guardPage } from './helpers.mjs';
import { openDataView, dropFile, expectReport } from './data-helpers.mjs';

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
