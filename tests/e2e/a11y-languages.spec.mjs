// axe-core finds nothing in Polish and Russian, light and dark: longer words,
// other number formats and translated controls must not break contrast,
// names or layout rules that the English page passes.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, resultValue, expectFieldError, expectNoAxeViolations, locale } from './helpers.mjs';
import { runSampleIn, openDataView, chooseOrdersFile } from './data-helpers.mjs';

guardPage(test);

for (const lang of ['pl', 'ru']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`no axe violations in ${lang}, ${colorScheme}: a result, a field error, the data report`, async ({ page }) => {
      test.setTimeout(60_000); // three axe runs, the last over the whole data report
      await page.emulateMedia({ colorScheme });

      await openPage(page, `?metric=retention_rate&lang=${lang}`);
      await page.locator('button[data-example="coffee"]').click();
      await expect(resultValue(page)).toHaveText(/^90\s?%$/);
      await expectNoAxeViolations(page);

      await field(page, 'start').fill('12abc');
      await expectFieldError(page, 'start');
      await expectNoAxeViolations(page);

      await runSampleIn(page, lang);
      await expectNoAxeViolations(page);
    });

    test(`no axe violations in ${lang}, ${colorScheme}: the column-mapping step, with a column missing`, async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await openDataView(page, `&lang=${lang}`);
      await chooseOrdersFile(page, 'orders-no-header.csv');
      await expect(page.locator('#data-mapping')).toBeVisible();
      await expect(page.locator('#data-mapping h3')).toHaveText(locale(lang)('data.page.mapping.heading'));
      await expectNoAxeViolations(page);
      await page.locator('#data-map-customer').selectOption('');
      await page.locator('#data-mapping button[type="submit"]').click();
      await expect(page.locator('#data-map-customer-error')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
}
