// The blog widget <retention-calculator> on a host page (tests/widget-host.html,
// served under the test server's origin so widget.js loads as on a real
// blog): it computes, announces results, keeps its styles to itself and
// the host's out, takes --rc-accent/--rc-font, themes, works by keyboard,
// shares one engine, passes axe and fits 280 px.
import { test, expect } from '@playwright/test';
import { guardPage, tabUntil, expectNoAxeViolations } from './helpers.mjs';

guardPage(test);

const RED = 'rgb(255, 0, 0)';

/** Opens the host page with both widgets built; every `result` event is recorded in `window.resultEvents`. */
async function openHost(page) {
  await page.addInitScript(() => {
    window.resultEvents = [];
    document.addEventListener('result', (event) => window.resultEvents.push({ from: event.target.id, detail: event.detail }));
  });
  await page.route('**/widget-host.html', (route) => route.fulfill({ path: 'tests/widget-host.html' }));
  await page.goto('widget-host.html');
  await expect(page.locator('#polish .metric__name')).toBeVisible();
  await expect(page.locator('#coffee .result__value')).toBeVisible();
}

const css = (locator, property) => locator.evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property);
const eventsFrom = (page, id) => page.evaluate((from) => window.resultEvents.filter((e) => e.from === from).map((e) => e.detail), id);

/** The engine's own value for one of a metric's worked examples (the module the widgets share). */
function exampleValue(page, metricId, exampleId) {
  return page.evaluate(async ([metric, example]) => {
    const engine = await import(new URL('pkg/retention_metrics.js', document.baseURI).href);
    await engine.default();
    return engine.catalog({ lang: 'en' }).find((m) => m.id === metric).examples.find((e) => e.id === example).value;
  }, [metricId, exampleId]);
}

test('the Polish widget reads Polish numbers and answers in Polish; attribute changes switch metric and currency', async ({ page }) => {
  await openHost(page);
  const polish = page.locator('#polish');
  await expect(polish.locator('.metric__name')).toHaveText('Wskaźnik odejść klientów (churn)');
  await polish.locator('#input-start').fill('1 234');
  await polish.locator('#input-lost').fill('100');
  await expect(polish.locator('.result__value')).toHaveText('8,1%');
  await expect(polish.locator('.result__reading')).toContainText('100 z 1234');
  const [event] = await eventsFrom(page, 'polish');
  expect(event.value).toBeCloseTo(100 / 12.34, 6);

  await polish.evaluate((node) => node.setAttribute('metric', 'average_order_value'));
  await polish.locator('#input-revenue').fill('1 234,5');
  await polish.locator('#input-orders').fill('10');
  await expect(polish.locator('.result__value')).toHaveText(/^123,45\szł$/);
  await polish.evaluate((node) => node.setAttribute('currency', 'EUR'));
  await expect(polish.locator('.result__value')).toHaveText(/^123,45\s€$/);
  await expect(polish.locator('#input-revenue')).toHaveValue('1 234,5'); // what was typed stays
});

test('the coffee widget announces the coffee example\'s result, once', async ({ page }) => {
  await openHost(page);
  const expected = await exampleValue(page, 'retention_rate', 'coffee');
  const events = await eventsFrom(page, 'coffee');
  expect(events).toHaveLength(1);
  expect(events[0].value).toBeCloseTo(expected, 9);
  expect(events[0].id).toBe('retention_rate');
  expect(await page.locator('#coffee').evaluate((node) => node.result.value)).toBeCloseTo(expected, 9);
});

test('an unchanged result is not announced again; losing the result announces null once', async ({ page }) => {
  await openHost(page);
  const polish = page.locator('#polish');
  await polish.locator('#input-start').fill('200');
  await polish.locator('#input-lost').fill('10');
  await expect(polish.locator('.result__value')).toHaveText('5%');
  await polish.locator('#input-lost').fill('10 '); // the same number
  await polish.locator('#input-lost').fill('1x'); // invalid: no result
  await expect(polish.locator('#input-lost')).toHaveAttribute('aria-invalid', 'true');
  await polish.locator('#input-lost').fill('2x'); // still none
  await polish.locator('#input-lost').fill('20');
  await expect(polish.locator('.result__value')).toHaveText('10%');
  const values = (await eventsFrom(page, 'polish')).map((detail) => (detail ? detail.value : null));
  expect(values).toEqual([5, null, 10]);
});

test('the host\'s CSS does not reach inside, and the widget\'s CSS does not reach the host', async ({ page }) => {
  await openHost(page);
  const polish = page.locator('#polish');
  const description = polish.locator('.metric__description');
  expect(await css(description, 'font-family')).not.toContain('Comic Sans');
  expect(await css(description, 'color')).not.toBe(RED);
  expect(await css(description, 'text-transform')).toBe('none');
  expect(await css(description, 'letter-spacing')).toBe('normal');
  expect(await css(description, 'font-style')).toBe('normal');
  expect(await css(description, 'text-align')).toBe('start');
  expect(parseFloat(await css(description, 'line-height')) / parseFloat(await css(description, 'font-size'))).toBeCloseTo(1.5, 2);
  // The host's `--accent: lime` and `--surface: purple` stay outside.
  expect(await css(polish.locator('.metric__group'), 'color')).toBe('rgb(240, 178, 122)');
  expect(await css(polish.locator('.calculator'), 'background-color')).toBe('rgb(33, 28, 24)');
  // `button { all: unset }` and `input { … }` on the host touch none of ours.
  const example = polish.locator('button[data-example]').first();
  expect(await css(example, 'border-top-left-radius')).toBe('999px');
  expect(await css(example, 'cursor')).toBe('pointer');
  const input = polish.locator('#input-start');
  expect(await css(input, 'border-top-style')).toBe('solid');
  expect(await css(input, 'border-top-width')).toBe('1px');

  // Host elements with the widget's class names keep the host's look.
  const hostValue = page.locator('#host-value');
  expect(await css(hostValue, 'font-size')).toBe('16px');
  expect(await css(hostValue, 'font-weight')).toBe('400');
  expect(await css(hostValue, 'text-transform')).toBe('uppercase');
  const hostInput = page.locator('#host-input');
  expect(await css(hostInput, 'border-top-style')).toBe('dashed');
  expect(await css(hostInput, 'border-top-left-radius')).toBe('0px');
  expect(await css(hostInput, 'min-height')).not.toBe('44px');
  expect(await css(page.locator('h1'), 'color')).toBe(RED);
});

test('--rc-accent and --rc-font theme the widget from the host page', async ({ page }) => {
  await openHost(page);
  const coffee = page.locator('#coffee');
  await coffee.evaluate((node) => {
    node.style.setProperty('--rc-accent', 'rgb(0, 110, 90)');
    node.style.setProperty('--rc-font', '"DejaVu Serif", serif');
  });
  expect(await css(coffee.locator('.metric__group'), 'color')).toBe('rgb(0, 110, 90)');
  expect(await css(coffee.locator('button[data-example]').first(), 'border-top-color')).toBe('rgb(0, 110, 90)');
  expect(await css(coffee.locator('.metric__name'), 'font-family')).toBe('"DejaVu Serif", serif');
  // The other widget keeps the defaults.
  expect(await css(page.locator('#polish .metric__group'), 'color')).toBe('rgb(240, 178, 122)');
});

test('theme: dark behind a dark host, light behind a light one or a light canvas; theme= overrides', async ({ page }) => {
  await openHost(page);
  const polish = page.locator('#polish');
  const surface = () => css(polish.locator('.calculator'), 'background-color');
  // Moved in the page, the element loads its stylesheets again: hence the polls below.
  const reconnect = () => polish.evaluate((node) => node.parentNode.insertBefore(node, node.nextSibling));
  const DARK = 'rgb(33, 28, 24)';
  const LIGHT = 'rgb(255, 255, 255)';
  await expect.poll(surface).toBe(DARK); // the host's body is #101418

  await page.evaluate(() => { document.body.style.background = '#fafafa'; });
  await reconnect();
  await expect.poll(surface).toBe(LIGHT);
  await polish.evaluate((node) => node.setAttribute('theme', 'dark'));
  await expect.poll(surface).toBe(DARK);
  await polish.evaluate((node) => node.setAttribute('theme', 'light'));
  await expect.poll(surface).toBe(LIGHT);
  await polish.evaluate((node) => node.removeAttribute('theme'));

  // No opaque background anywhere: the canvas decides, by the root's color-scheme and the reader's preference.
  await page.evaluate(() => { document.body.style.background = 'transparent'; });
  await page.emulateMedia({ colorScheme: 'dark' });
  await reconnect();
  await expect.poll(surface).toBe(LIGHT); // the host declares no dark scheme: its canvas is white
  await page.evaluate(() => { document.documentElement.style.colorScheme = 'light dark'; });
  await reconnect();
  await expect.poll(surface).toBe(DARK);
  await page.emulateMedia({ colorScheme: 'light' }); // the widget follows the preference as it changes
  await expect.poll(surface).toBe(LIGHT);
});

test('keyboard: Tab reaches the widget\'s fields with a visible focus, and typing gives a result', async ({ page }) => {
  await openHost(page);
  await tabUntil(page, () => {
    const host = document.activeElement;
    return host?.id === 'polish' && host.shadowRoot.activeElement?.id === 'input-start';
  }, 10, 'the Polish widget\'s first field');
  const outline = await page.locator('#polish #input-start').evaluate((node) => {
    const style = getComputedStyle(node);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
  await page.keyboard.type('400');
  await page.keyboard.press('Tab');
  await page.keyboard.type('20');
  await expect(page.locator('#polish .result__value')).toHaveText('5%');
});

test('without `metric` the widget offers every metric; the keyboard moves through the list and picks one', async ({ page }) => {
  await openHost(page);
  await page.evaluate(() => {
    const widget = document.createElement('retention-calculator');
    widget.id = 'all';
    widget.setAttribute('lang', 'en');
    document.querySelector('article').append(widget);
  });
  const all = page.locator('#all');
  await expect(all.locator('.picker a[data-metric]')).toHaveCount(22);
  await all.locator('#metric-search').fill('rate');
  await all.locator('#metric-search').press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = all.locator('.picker__results a').nth(1);
  await expect(second).toBeFocused();
  const name = await second.textContent();
  await page.keyboard.press('Enter');
  await expect(all.locator('.metric__name')).toHaveText(name);
  await expect(all.locator('.metric__name')).toBeFocused();
  // The metric's link opens the full calculator beside widget.js, not the host page.
  expect(await second.getAttribute('href')).toMatch(/\/index\.html\?metric=\w+&lang=en$/);
});

test('the widget leaves the host\'s address, title and language alone; `lang` changes switch its texts', async ({ page }) => {
  await openHost(page);
  const address = page.url();
  await page.locator('#polish #input-start').fill('100');
  await page.locator('#polish #input-lost').fill('3');
  await page.locator('#coffee').evaluate((node) => node.setAttribute('lang', 'ru'));
  await expect(page.locator('#coffee .metric__name')).toHaveText('Коэффициент удержания клиентов');
  await expect(page.locator('#coffee .widget')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('#polish .widget')).toHaveAttribute('lang', 'pl');
  expect(page.url()).toBe(address);
  expect(await page.title()).toBe('Ein Blog über Kundenbindung');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
});

test('two widgets start one engine: the wasm is fetched once', async ({ page }) => {
  const wasm = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/retention_metrics_bg.wasm')) wasm.push(request.url());
  });
  await openHost(page);
  await page.locator('#polish #input-start').fill('100');
  await page.locator('#polish #input-lost').fill('3');
  await expect(page.locator('#polish .result__value')).toHaveText('3%');
  expect(wasm).toHaveLength(1);
});

for (const theme of ['light', 'dark']) {
  test(`no axe violations in the widgets, ${theme}, with a result and with errors`, async ({ page }) => {
    await openHost(page);
    await page.evaluate((value) => {
      for (const widget of document.querySelectorAll('retention-calculator')) widget.setAttribute('theme', value);
    }, theme);
    await page.locator('#polish #input-start').fill('12abc');
    await page.locator('#polish #input-lost').fill('-5');
    await expect(page.locator('#polish #input-lost')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, { include: 'retention-calculator' });
  });
}

test('at 280 px wide the widgets do not scroll sideways, even with long numbers and errors', async ({ page }) => {
  await page.setViewportSize({ width: 328, height: 800 }); // the host's padding leaves 280 px
  await openHost(page);
  await page.locator('#polish #input-start').fill('123456789012345678901234567890');
  await page.locator('#polish #input-lost').fill('12345678901234567890abc');
  await expect(page.locator('#polish #input-lost')).toHaveAttribute('aria-invalid', 'true');
  for (const id of ['polish', 'coffee']) {
    const size = await page.locator(`#${id}`).evaluate((node) => {
      const box = node.shadowRoot.querySelector('.widget');
      return { width: node.getBoundingClientRect().width, scroll: box.scrollWidth, client: box.clientWidth };
    });
    expect(size.width).toBe(280);
    expect(size.scroll, id).toBeLessThanOrEqual(size.client);
  }
  const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(page_.scroll).toBeLessThanOrEqual(page_.client);
});

const SHOTS = [
  { name: 'widget-host-dark', width: 900 },
  { name: 'widget-host-light', width: 900, light: true },
  { name: 'widget-host-phone', width: 328 },
  { name: 'widget-host-phone-light', width: 328, light: true },
];

for (const shot of SHOTS) {
  test(`screenshot ${shot.name}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: shot.width, height: 900 });
    await openHost(page);
    if (shot.light) {
      // A light blog: the widgets see it when they are (re)connected.
      await page.evaluate(() => {
        document.body.style.background = '#ffffff';
        for (const widget of document.querySelectorAll('retention-calculator')) widget.parentNode.insertBefore(widget, widget.nextSibling);
      });
    }
    await page.locator('#polish #input-start').fill('1 234');
    await page.locator('#polish #input-lost').fill('100');
    await expect(page.locator('#polish .result__value')).toHaveText('8,1%');
    await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/${shot.name}.png`, fullPage: true });
  });
}

test('the projection is embedded like any metric: its example, its chart in the widget\'s own styles', async ({ page }) => {
  await openHost(page);
  const polish = page.locator('#polish');
  await polish.evaluate((node) => {
    node.setAttribute('metric', 'retention_projection');
    node.setAttribute('example', 'regular');
  });
  await expect(polish.locator('.metric__name')).toHaveText(/retencj/i);
  await expect(polish.locator('#input-survival')).toHaveValue('100 63,1 46,8 38,2 32,6 28,9 26,2 24,1');
  await expect(polish.locator('.result__value')).toHaveText('17%');
  const line = polish.locator('#result-projection-chart .chart__line--expected').first();
  await expect(line).toBeVisible();
  // The chart's colours come with the widget (shared/charts.css), not from the host.
  expect(await css(line, 'stroke')).not.toBe('none');
});
