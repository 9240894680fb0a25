// Counted words in Polish and Russian, as the page writes them
// (www/shared/texts.js over the engine's texts): large numbers take the
// form their last digits ask for, and Polish people counted in digits take
// the genitive ("9192 klientów", never "9192 klienci").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as engine from '../../www/pkg/retention_metrics.js';
import { textsFor } from '../../www/shared/texts.js';

engine.initSync({ module: readFileSync(new URL('../../www/pkg/retention_metrics_bg.wasm', import.meta.url)) });

const say = (lang) => textsFor(engine.messages({ lang }), { lang, numberLocale: lang });

test('Polish: customers counted in digits read right at any size', () => {
  const t = say('pl');
  assert.equal(t('data.page.totals.top_detail', { n: 9192 }), '9192 klientów');
  assert.equal(t('data.page.totals.top_detail', { n: 1 }), '1 klient');
  assert.equal(t('data.page.totals.top_detail', { n: 22 }), '22 klientów');
  assert.equal(t('data.page.totals.top_detail', { n: 91912 }), '91\u00a0912 klientów');
  assert.equal(t('data.page.done', { orders: 1002, customers: 9192 }), 'Analiza gotowa: 1002 zamówienia od 9192 klientów.');
});

test('no Polish text counts people with a nominative plural', () => {
  const pl = engine.messages({ lang: 'pl' });
  const offenders = Object.entries(pl).filter(([, text]) => /\{\w+\|[^|}]*klient[^|}]*\|[^|}]*klienci[^|}]*\|/.test(text));
  assert.deepEqual(offenders.map(([key]) => key), []);
});

test('Russian: 21 takes the "one" form, 9192 "few", 11 and 9195 "many"', () => {
  const t = say('ru');
  const line = (n) => t('data.page.totals.top_detail', { n });
  assert.equal(line(21), '21 клиент');
  assert.equal(line(9192), '9\u00a0192 клиента');
  assert.equal(line(11), '11 клиентов');
  assert.equal(line(9195), '9\u00a0195 клиентов');
});
