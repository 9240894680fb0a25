// Finding a metric as people type it (www/calculator/search.js) over the
// built engine's catalog in each language: the phrasings a café owner in
// Poland, a salon owner in Russia, a blogger and an analyst used, each
// expected to land on one metric first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as engine from '../../www/pkg/retention_metrics.js';
import { asksForData, closestMetrics, rankMetrics, searchIndex, wordMatch } from '../../www/calculator/search.js';

engine.initSync({ module: readFileSync(new URL('../../www/pkg/retention_metrics_bg.wasm', import.meta.url)) });

const PHRASINGS = {
  en: [
    ['churn', 'churn_rate'],
    ['attrition', 'churn_rate'],
    ['customer turnover', 'churn_rate'],
    ['retention', 'retention_rate'],
    ['retenton rate', 'retention_rate'],
    ['retnetion', 'retention_rate'],
    ['CRR', 'retention_rate'],
    ['LTV', 'customer_lifetime_value'],
    ['CLTV', 'customer_lifetime_value'],
    ['lifetime value', 'customer_lifetime_value'],
    ['ltv cac', 'clv_to_cac'],
    ['average basket', 'average_order_value'],
    ['repeat customers', 'repeat_purchase_rate'],
    ['returning customers', 'repeat_purchase_rate'],
    ['cohort', 'retention_projection'],
    ['NRR', 'mrr_churn'],
    ['net revenue retention', 'mrr_churn'],
    ['stamp card', 'punch_card_cost'],
    ['nps', 'net_promoter_score'],
    ['satisfaction', 'customer_satisfaction'],
  ],
  pl: [
    ['rezygnacja', 'churn_rate'],
    ['odpływ klientów', 'churn_rate'],
    ['odplyw klientow', 'churn_rate'],
    ['rotacja', 'churn_rate'],
    ['utrata klientów', 'churn_rate'],
    ['wskaźnik utrzymania', 'retention_rate'],
    ['utrzymanie', 'retention_rate'],
    ['utrzymanie klientów', 'retention_rate'],
    ['retencja', 'retention_rate'],
    ['powtórne zakupy', 'repeat_purchase_rate'],
    ['powtorne zakupy', 'repeat_purchase_rate'],
    ['stali klienci', 'repeat_purchase_rate'],
    ['LTV', 'customer_lifetime_value'],
    ['wartość klienta', 'customer_lifetime_value'],
    ['średni koszyk', 'average_order_value'],
    ['średni paragon', 'average_order_value'],
    ['koszt pozyskania', 'acquisition_cost'],
    ['koszt utrzymania', 'retention_cost'],
    ['karta z pieczątkami', 'punch_card_cost'],
    ['zadowolenie klientów', 'customer_satisfaction'],
    ['kohorty', 'retention_projection'],
    ['churn', 'churn_rate'],
  ],
  ru: [
    ['отток', 'churn_rate'],
    ['отток клиентов', 'churn_rate'],
    ['коэффициент оттока', 'churn_rate'],
    ['удержание', 'retention_rate'],
    ['удержание клиентов', 'retention_rate'],
    ['повторные покупки', 'repeat_purchase_rate'],
    ['повторных покупок', 'repeat_purchase_rate'],
    ['средний чек', 'average_order_value'],
    ['LTV', 'customer_lifetime_value'],
    ['ценность клиента', 'customer_lifetime_value'],
    ['стоимость привлечения', 'acquisition_cost'],
    ['индекс лояльности', 'net_promoter_score'],
    ['удовлетворенность', 'customer_satisfaction'],
    ['когорта', 'retention_projection'],
    ['attrition', 'churn_rate'],
  ],
};

for (const [lang, phrasings] of Object.entries(PHRASINGS)) {
  const index = searchIndex(engine.catalog({ lang }));
  for (const [query, expected] of phrasings) {
    test(`${lang}: “${query}” finds ${expected} first`, () => {
      const ranked = rankMetrics(index, query);
      assert.ok(ranked.length > 0, `nothing found for “${query}”`);
      assert.equal(ranked[0].id, expected, `${query}: ${ranked.slice(0, 3).map((r) => `${r.id} ${r.score.toFixed(2)}`).join(', ')}`);
    });
  }
}

test('word endings and typos match; unrelated words do not', () => {
  assert.equal(wordMatch('utrzymanie', 'utrzymania', false), 0.8);
  assert.equal(wordMatch('zakupy', 'zakupow', false), 0.8);
  assert.equal(wordMatch('reten', 'retention', false), 0.9);
  assert.equal(wordMatch('retnetion', 'retention', true), 0.6, 'two letters swapped');
  assert.equal(wordMatch('retnetion', 'retention', false), 0, 'typos are forgiven only where asked');
  assert.equal(wordMatch('kontakt', 'kontrola', true), 0);
  assert.equal(wordMatch('cost', 'churn', true), 0);
});

test('nothing matches: the closest metrics are offered, and the data view for what only data gives', () => {
  const index = searchIndex(engine.catalog({ lang: 'pl' }));
  assert.deepEqual(rankMetrics(index, 'xyzzy qwerty'), []);
  const closest = closestMetrics(index, 'retancjja klentów');
  assert.equal(closest.length, 3);
  assert.ok(closest.includes('retention_rate'), closest.join(', '));
  const words = engine.messages({ lang: 'pl' })['ui.search.data_words'];
  assert.equal(asksForData('segmenty', words), true);
  assert.equal(asksForData('klienci', words), true);
  assert.equal(asksForData('wartość klienta', words), false, 'a metric asked for, not the data');
  const english = engine.messages({ lang: 'en' })['ui.search.data_words'];
  assert.equal(asksForData('cohort', english), true);
  assert.equal(asksForData('customers', english), true);
});

test('an empty search keeps the catalog order', () => {
  const metrics = engine.catalog({ lang: 'en' });
  assert.deepEqual(rankMetrics(searchIndex(metrics), '  ').map((r) => r.id), metrics.map((m) => m.id));
});
