// The TypeScript declarations of the module (src/wasm.d.ts, copied by the
// build into www/pkg/retention_metrics.d.ts) against what the module really
// exports and returns. Real results are written into a TypeScript program as
// literals typed with the declared interfaces, and the compiler checks it:
// a key the engine returns that the type lacks is an excess property, a
// required key it no longer returns is missing, a wrong kind of value is a
// type error. So the declarations cannot drift from the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as engine from '../../www/pkg/retention_metrics.js';

engine.initSync({ module: readFileSync(new URL('../../www/pkg/retention_metrics_bg.wasm', import.meta.url)) });
const declarations = fileURLToPath(new URL('../../www/pkg/retention_metrics.d.ts', import.meta.url));

/** The thrown Error as a plain object, with the properties the engine sets. */
function thrown(call) {
  try {
    call();
  } catch (err) {
    return { name: err.name, message: err.message, field: err.field, code: err.code, errors: err.errors };
  }
  assert.fail('the call should have thrown');
}

const cdnow = readFileSync(new URL('../fixtures/predict/cdnow-sample.csv', import.meta.url), 'utf8');
const tinyLog = 'customer,date,amount\nanna,2024-01-05,7.50\nben,2024-01-09,3\nanna,2024-02-02,4.50\n';
const paper = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };

const orderLines = 'order,customer,date,amount\n1,anna,2024-01-05,7.50\n1,anna,2024-01-05,1\n2,ben,2024-01-09,3\nTotal,,,11.5\n';

/** [declared type, real value] pairs covering every result shape and its variants. */
function samples() {
  const sample = engine.sampleTransactions('coffee');
  const calibrated = engine.summarizeCustomers(cdnow, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' });
  return [
    ['E.MetricInfo[]', engine.catalog({ lang: 'pl' })],
    ['E.MetricResult', engine.compute('retention_rate', { start: 200, end: 210, new: 30 }, { sector: 'restaurants' })],
    ['E.MetricResult', engine.compute('net_promoter_score', { promoters: 60, passives: 25, detractors: 15 })],
    ['E.MetricResult', engine.compute('acquisition_vs_retention', { cac: 100, retention_cost: 10 })],
    ['E.MetricResult', engine.compute('retention_rate', { start: 100, end: 150, new: 10 })],
    ['E.MetricResult', engine.compute('churn_rate', { start: 200, lost: 20, period: 'year' }, { sector: 'subscriptions' })],
    ['E.MetricResult', engine.compute('average_order_value', { revenue: '22,21 zł', orders: 1 }, { locale: 'pl' })],
    ['E.MetricResult', engine.compute('customer_lifetime_value', { aov: 50, frequency: 4, lifespan_years: '36 months' })],
    ['E.MetricResult', engine.compute('customer_lifetime_value', { aov: 50, frequency: 4, lifespan_years: 36 })],
    ['E.MetricResult', engine.compute('retention_projection', { survival: '100 63.1 46.8 38.2\n1000 800', price: 50 })],
    ['Record<string, string>', engine.messages('ru')],
    ['E.WhatIfResult', engine.whatIf({ customers: 200, retention: 90, visits: 100, aov: 7, acquisition_cost: 30, more_retention: 2 })],
    ['E.WhatIfResult', engine.whatIf({ lifespan_years: 3, visits: 100, aov: 7, more_aov: 1 })],
    ['number | null', engine.convertRate('retention_rate', 90, 'month', 'year')],
    ['E.RetentionProjection', engine.projectRetention([100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1], { horizon: 12, price: 50, discount: 1 })],
    ['E.RetentionProjection', engine.projectRetention([[1000, 800, 700], [500, 420]])],
    ['E.SubscriptionsReport', engine.analyzeSubscriptions('customer,date,amount,interval,plan\nA,2024-01-05,2000,year,Gold\nB,2024-01-10,50,month,Basic\n')],
    ['Omit<E.EngineError, "stack">', thrown(() => engine.projectRetention([100, 80, 90]))],
    ['number | null', engine.readNumber('85,5', { locale: 'pl' })],
    ['Omit<E.EngineError, "stack">', thrown(() => engine.whatIf({ retention: 95, visits: 4, aov: 50, more_retention: 6 }))],
    ['E.TransactionReport', engine.analyzeTransactions(sample, { period: 'quarter' })],
    ['E.TransactionReport', engine.analyzeTransactions(orderLines)],
    ['E.SurveyReport', engine.analyzeSurvey('10\n9\n8\n6\nx\n', { kind: 'nps' })],
    ['E.SurveyReport', engine.analyzeSurvey('5\n4\n2\n', { kind: 'csat' })],
    ['E.SurveyReport', engine.analyzeSurvey('7\n6\n3\n', { kind: 'ces' })],
    ['E.CostReport', engine.analyzeCosts('Team;5000\nSoftware;900\nTotal;5900\n', { activeCustomers: 700 })],
    ['E.CostReport', engine.analyzeCosts('Team;5000\n')],
    ['E.Preview', engine.previewTable('Klient;Data;Kwota\nAnna;25.03.2024;12,50 zł\n')],
    ['E.Preview', engine.previewTable('9\n10\n')],
    ['string', engine.segmentCsv(sample, undefined, 'vip')],
    ['string', engine.tableCsv([['a', 1, { money: 2 }, null]], { lang: 'pl' })],
    ['Omit<E.EngineError, "stack">', thrown(() => engine.compute('churn_rate', { start: 10, lost: 20 }))],
    ['Omit<E.EngineError, "stack">', thrown(() => engine.analyzeTransactions('x,y\n1,2\n'))],
    // Predictions: with and without a holdout, the fits, a forecast, every
    // variant of the customers view, and a fit refused.
    ['E.SummaryReport', calibrated],
    ['E.SummaryReport', engine.summarizeCustomers(tinyLog)],
    ['E.BgNbdFit', engine.fitBgNbd(calibrated.customers)],
    ['E.GammaGammaFit', engine.fitGammaGamma(calibrated.customers)],
    ['{ p_alive: number; expected: number }', engine.bgNbdCustomer(paper, { x: 2, t_x: 30.43, T: 38.86 }, 52)],
    ['number', engine.bgNbdExpected(paper, 39)],
    ['ReturnType<typeof E.customerVisits>', engine.customerVisits(sample, undefined, 'C00019')],
    ['ReturnType<typeof E.customerVisits>', engine.customerVisits(sample, { columns: { amount: null } }, 'C00019')],
    ['E.CustomersReport', engine.predictCustomers(sample)],
    ['E.CustomersReport', engine.predictCustomers(cdnow, { calibrationEnd: '1997-09-30', horizonMonths: 6 })],
    ['E.CustomersReport', engine.predictCustomers(sample, { columns: { amount: null } })],
    ['E.CustomersReport', engine.predictCustomers(tinyLog, { calibrationEnd: '2024-01-20', lang: 'ru' })],
    ['Omit<E.EngineError, "stack">', thrown(() => engine.fitBgNbd([{ x: 1, t_x: 1, T: 2 }]))],
    ['Omit<E.EngineError, "stack">', thrown(() => engine.predictCustomers(tinyLog, { calibrationEnd: '2023-01-01' }))],
  ];
}

/** The compiler's complaints about `source`, typed against the module's declarations. */
function diagnostics(source) {
  const dir = mkdtempSync(join(tmpdir(), 'types-'));
  const file = join(dir, 'check.ts');
  writeFileSync(file, `import type * as E from ${JSON.stringify(declarations.replace(/\.d\.ts$/, ''))};\n${source}`);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    skipLibCheck: false,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

test('every result the engine returns has the declared shape', () => {
  const source = samples()
    .map(([type, value], i) => `export const sample${i}: ${type} = ${JSON.stringify(value)};`)
    .join('\n');
  assert.deepEqual(diagnostics(source), []);
});

test('the check can fail: an extra, a missing or a wrong key is caught', () => {
  const result = engine.compute('churn_rate', { start: 200, lost: 20 });
  const { reading, ...missing } = result;
  const found = diagnostics([
    `export const extra: E.MetricResult = ${JSON.stringify({ ...result, surprise: 1 })};`,
    `export const missing: E.MetricResult = ${JSON.stringify(missing)};`,
    `export const wrong: E.MetricResult = ${JSON.stringify({ ...result, value: String(result.value) })};`,
    `export const unit: E.CustomersReport = ${JSON.stringify({ ...engine.predictCustomers(tinyLog), at_stake_unit: 'euros' })};`,
  ].join('\n'));
  assert.equal(found.length, 4, found.join('\n'));
  assert.ok(reading.length > 0);
});

test('every export is declared with its own signature, and nothing else is', () => {
  const text = readFileSync(declarations, 'utf8');
  const declared = [...text.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]).sort();
  // `default` (init) and `start` (the panic hook, which init runs itself) are
  // wasm-bindgen's, not the engine's API.
  const internal = ['default', 'start'];
  const exported = Object.keys(engine).filter((name) => typeof engine[name] === 'function' && !internal.includes(name)).sort();
  assert.deepEqual(declared, exported);
  const signatures = text.split('\n').filter((line) => line.startsWith('export function'));
  assert.ok(signatures.every((line) => !/\bany\b/.test(line)), 'no export is left as `any`');
  // Calls as a TypeScript user writes them, options left out where optional.
  assert.deepEqual(diagnostics([
    'declare const e: typeof import(' + JSON.stringify(declarations.replace(/\.d\.ts$/, '')) + ');',
    'const metrics: E.MetricInfo[] = e.catalog();',
    'const result: E.MetricResult = e.compute("churn_rate", { start: "1 000", lost: 50 }, { locale: "pl" });',
    'const report: E.TransactionReport = e.analyzeTransactions(new Uint8Array(), { windowDays: 30, columns: { order: null } });',
    'const csv: string = e.sampleTransactions();',
    'const summary: E.SummaryReport = e.summarizeCustomers("", { calibrationEnd: "1997-09-30", columns: { amount: null } });',
    'const fit: E.BgNbdFit = e.fitBgNbd(summary.customers, "pl");',
    'const alive: number = e.bgNbdCustomer(fit, summary.customers[0], 52).p_alive + e.bgNbdExpected(fit, 52, { lang: "ru" });',
    'const spend: E.GammaGammaFit = e.fitGammaGamma(summary.customers);',
    'const view: E.CustomersReport = e.predictCustomers(new ArrayBuffer(0), { horizonMonths: "24", discount: 2, onProgress: (share) => {} });',
    'export { metrics, result, report, csv, alive, spend, view };',
  ].join('\n')), []);
});
