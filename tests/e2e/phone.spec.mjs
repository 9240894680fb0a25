// A phone (issue 16): the header takes under a quarter of the first screen,
// the language and the page's actions open under its Menu, and the result
// stays in view in a line at the foot of the screen while the form is typed.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, resultValue, expectNoAxeViolations } from './helpers.mjs';

guardPage(test);

const PHONE = { width: 360, height: 740 };

for (const [lang, menuName, languageLabel, embedName, resultWord] of [
  ['en', 'Menu', 'Language', 'Embed this calculator', 'Result'],
  ['pl', 'Menu', 'Język', 'Osadź ten kalkulator', 'Wynik'],
  ['ru', 'Меню', 'Язык', 'Встроить калькулятор', 'Результат'],
]) {
  test(`${lang}: the header is under a quarter of a 360 × 740 screen; the language and actions open under Menu`, async ({ page }, testInfo) => {
    await page.setViewportSize(PHONE);
    await openPage(page, `?lang=${lang}`);
    const header = await page.locator('.site-header').boundingBox();
    expect(header.height).toBeLessThan(PHONE.height / 4);
    // The first field of the calculator's list is on the first screen.
    await expect(page.getByRole('searchbox')).toBeInViewport();

    const menu = page.getByRole('button', { name: menuName });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByLabel(languageLabel)).toBeHidden();
    const box = await menu.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByLabel(languageLabel)).toBeVisible();
    await expect(page.getByRole('button', { name: embedName })).toBeVisible();
    await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/phone-menu-${lang}.png` });
    await expectNoAxeViolations(page);
    // Escape from inside the menu closes it and gives the focus back to its button.
    await page.getByLabel(languageLabel).focus();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await expect(page.getByLabel(languageLabel)).toBeHidden();
  });

  test(`${lang}: while a number is typed on a phone, the result stays in view at the foot of the screen`, async ({ page }, testInfo) => {
    await page.setViewportSize(PHONE);
    await openPage(page, `?metric=retention_rate&lang=${lang}&start=200&end=210&new=30`);
    const peek = page.locator('.result-peek');
    await field(page, 'start').scrollIntoViewIfNeeded();
    await field(page, 'start').fill('300');
    await expect(peek).toBeVisible();
    await expect(peek).toBeInViewport();
    await expect(peek).toContainText(resultWord);
    await expect(peek.locator('.result-peek__value')).toHaveText(await resultValue(page).textContent());
    await expect(peek.locator('.result-peek__value')).toHaveText(/60/);
    // The field typed into is not under the line.
    const typed = await field(page, 'start').boundingBox();
    const line = await peek.boundingBox();
    expect(typed.y + typed.height).toBeLessThanOrEqual(line.y);
    await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/phone-peek-${lang}.png` });
    await expectNoAxeViolations(page);
    // A tap on it goes to the full result; the line then goes, as the result is in view.
    await peek.click();
    await expect(page.locator('#result-heading')).toBeFocused();
    await expect(resultValue(page)).toBeInViewport();
    await expect(peek).toBeHidden();
  });
}

test('on a wide screen the result is beside the form: no line at the foot, no Menu', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPage(page, '?metric=retention_rate&start=200&end=210&new=30');
  await field(page, 'start').fill('300');
  await expect(resultValue(page)).toHaveText('60%');
  await expect(page.locator('.result-peek')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  await expect(page.getByLabel('Language')).toBeVisible();
});
