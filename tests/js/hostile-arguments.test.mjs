// Wrong arguments through the real build: every one is a coded Error, never
// a trap, a raw message from the glue, or a reply as large as the input; a
// result, when there is one, has no NaN or ∞ in it. The prediction exports
// are run as a table (each argument, option and field position × a list of
// hostile values).
// Run by `npm test` (node --test tests/js/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as engine from '../../www/pkg/retention_metrics.js';

engine.initSync({ module: readFileSync(new URL('../../www/pkg/retention_metrics_bg.wasm', import.meta.url)) });

/** The Error a call throws, which must carry a code. */
function thrown(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof Error);
    assert.equal(typeof error.code, 'string', `a code on: ${error.message}`);
    return error;
  }
  assert.fail('expected an Error');
}

test('a metric id that is not text is an unknown metric, and the module still works', () => {
  for (const id of [5, {}, null, undefined, [1], true]) {
    assert.equal(thrown(() => engine.compute(id, {})).code, 'unknown_metric', String(id));
  }
  assert.equal(engine.compute('retention_rate', { start: 200, end: 210, new: 30 }).value, 90);
});

test('a buffer already handed to another thread reads as an empty file', () => {
  const buffer = new ArrayBuffer(16);
  structuredClone(buffer, { transfer: [buffer] });
  const error = thrown(() => engine.analyzeTransactions(buffer, {}));
  assert.deepEqual([error.code, error.field], ['no_data', 'file']);
});

test('a file of one endless line: refused at once, previewed in kilobytes', () => {
  const line = 'x'.repeat(5e6);
  assert.equal(thrown(() => engine.analyzeTransactions(line, {})).code, 'missing_column');
  const preview = engine.previewTable(line, {});
  assert.equal(preview.header, null);
  assert.ok(JSON.stringify(preview).length < 2000, 'the preview cuts its cells');
});

// ---- The predictions -------------------------------------------------------

const PAPER = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const HISTORY = { x: 2, t_x: 30.43, T: 38.86 };
const CODES = new Set([
  'required', 'not_a_number', 'negative', 'not_whole', 'zero', 'exceeds', 'out_of_range', 'inconsistent', 'no_data',
  'not_text', 'missing_column', 'unknown_column', 'ambiguous_date_order', 'not_a_table', 'cannot_fit',
]);
// Enough customers for both models to be fitted, so the options reach them.
const LOG = engine.sampleTransactions('coffee').split('\n').slice(0, 2500).join('\n') + '\n';
/** The customer of the log's first order. */
const FIRST_CUSTOMER = LOG.split('\n')[1].split(',')[0];
/** 150 histories BG/NBD can be fitted to; `i = 0` is the one a test spoils. */
const histories = (first = {}) =>
  Array.from({ length: 150 }, (_, i) => ({ x: i % 4, t_x: i % 4 ? 3 + (i % 7) : 0, T: 12 + (i % 5), ...(i === 0 ? first : {}) }));
const spenders = (first = {}) => Array.from({ length: 40 }, (_, i) => ({ x: 1 + (i % 5), monetary: 5 + (i % 9), ...(i === 0 ? first : {}) }));

/** Values no caller should pass, each made afresh (a detached buffer is used up by one call). */
function hostileValues() {
  const detached = () => {
    const buffer = new ArrayBuffer(16);
    structuredClone(buffer, { transfer: [buffer] });
    return buffer;
  };
  return [
    ['undefined', undefined], ['null', null], ['0', 0], ['-1', -1], ['-0', -0], ['1.5', 1.5], ['NaN', NaN],
    ['Infinity', Infinity], ['-Infinity', -Infinity], ['1e308', 1e308], ['Number.MAX_VALUE', Number.MAX_VALUE],
    ['5e-324', 5e-324], ['""', ''], ['"x"', 'x'], ['"1e400"', '1e400'], ['"NaN"', 'NaN'], ['"  "', '  '], ['true', true],
    ['{}', {}], ['[]', []], ['[null]', [null]], ['[[]]', [[]]], ['[1, 2]', [1, 2]], ['a symbol', Symbol('s')], ['10n', 10n],
    ['a function', () => 1], ['a Date', new Date(0)], ['a Map', new Map([['x', 1]])], ['a Uint8Array', new Uint8Array(4)],
    ['a Float64Array', new Float64Array(200)], ['a detached ArrayBuffer', detached()],
    ['Object.create(null)', Object.create(null)],
    ['getters that throw', { get x() { throw new Error('x'); }, get r() { throw new Error('r'); }, get lang() { throw new Error('lang'); } }],
    ['NaN fields', { x: NaN, t_x: NaN, T: NaN, weight: NaN, monetary: NaN, r: NaN, alpha: NaN, a: NaN, b: NaN }],
    ['Infinity fields', { x: Infinity, t_x: Infinity, T: Infinity, weight: Infinity, monetary: Infinity, r: Infinity, alpha: Infinity, a: Infinity, b: Infinity }],
    ['a million holes', new Array(1e6)],
  ];
}

/** Every call of the new exports with one argument (or one option, or one field) hostile. */
const predictionCalls = [
  ['summarizeCustomers(v)', (v) => engine.summarizeCustomers(v)],
  ['summarizeCustomers(log, v)', (v) => engine.summarizeCustomers(LOG, v)],
  ['summarizeCustomers(log, { observationEnd: v })', (v) => engine.summarizeCustomers(LOG, { observationEnd: v })],
  ['summarizeCustomers(log, { calibrationEnd: v })', (v) => engine.summarizeCustomers(LOG, { calibrationEnd: v })],
  ['fitBgNbd(v)', (v) => engine.fitBgNbd(v)],
  ['fitBgNbd([v])', (v) => engine.fitBgNbd([v])],
  ['fitBgNbd([{ x: v }, …])', (v) => engine.fitBgNbd(histories({ x: v }))],
  ['fitBgNbd([{ t_x: v }, …])', (v) => engine.fitBgNbd(histories({ t_x: v }))],
  ['fitBgNbd([{ T: v }, …])', (v) => engine.fitBgNbd(histories({ T: v }))],
  ['fitBgNbd([{ weight: v }, …])', (v) => engine.fitBgNbd(histories({ weight: v }))],
  ['fitBgNbd(histories, v)', (v) => engine.fitBgNbd(histories(), v)],
  ['bgNbdCustomer(v, history, 52)', (v) => engine.bgNbdCustomer(v, HISTORY, 52)],
  ['bgNbdCustomer({ r: v, … }, history, 52)', (v) => engine.bgNbdCustomer({ ...PAPER, r: v }, HISTORY, 52)],
  ['bgNbdCustomer(params, v, 52)', (v) => engine.bgNbdCustomer(PAPER, v, 52)],
  ['bgNbdCustomer(params, { T: v, … }, 52)', (v) => engine.bgNbdCustomer(PAPER, { ...HISTORY, T: v }, 52)],
  ['bgNbdCustomer(params, history, v)', (v) => engine.bgNbdCustomer(PAPER, HISTORY, v)],
  ['bgNbdCustomer(params, history, 52, v)', (v) => engine.bgNbdCustomer(PAPER, HISTORY, 52, v)],
  ['bgNbdExpected(v, 52)', (v) => engine.bgNbdExpected(v, 52)],
  ['bgNbdExpected({ b: v, … }, 52)', (v) => engine.bgNbdExpected({ ...PAPER, b: v }, 52)],
  ['bgNbdExpected(params, v)', (v) => engine.bgNbdExpected(PAPER, v)],
  ['bgNbdExpected(params, 52, v)', (v) => engine.bgNbdExpected(PAPER, 52, v)],
  ['fitGammaGamma(v)', (v) => engine.fitGammaGamma(v)],
  ['fitGammaGamma([v])', (v) => engine.fitGammaGamma([v])],
  ['fitGammaGamma([{ x: v }, …])', (v) => engine.fitGammaGamma(spenders({ x: v }))],
  ['fitGammaGamma([{ monetary: v }, …])', (v) => engine.fitGammaGamma(spenders({ monetary: v }))],
  ['fitGammaGamma(spenders, v)', (v) => engine.fitGammaGamma(spenders(), v)],
  ['predictCustomers(v)', (v) => engine.predictCustomers(v)],
  ['predictCustomers(log, v)', (v) => engine.predictCustomers(LOG, v)],
  ...['calibrationEnd', 'horizonMonths', 'discount', 'windowDays', 'period', 'dateOrder', 'columns', 'currency', 'lang', 'onProgress'].map(
    (option) => [`predictCustomers(log, { ${option}: v })`, (v) => engine.predictCustomers(LOG, { [option]: v })],
  ),
  ['predictCustomers(log, { columns: { amount: v } })', (v) => engine.predictCustomers(LOG, { columns: { amount: v } })],
  ['customerVisits(v, {}, id)', (v) => engine.customerVisits(v, {}, FIRST_CUSTOMER)],
  ['customerVisits(log, v, id)', (v) => engine.customerVisits(LOG, v, FIRST_CUSTOMER)],
  ['customerVisits(log, {}, v)', (v) => engine.customerVisits(LOG, {}, v)],
];

/** Every number in a result is finite; returns how many there were. */
function finiteNumbers(value, path) {
  if (typeof value === 'number') {
    assert.ok(Number.isFinite(value), `${path} is ${value}`);
    return 1;
  }
  if (value === null || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((n, [key, item]) => n + finiteNumbers(item, `${path}.${key}`), 0);
}

test('the prediction exports: every hostile argument is a coded Error or a result with finite numbers', () => {
  const before = { fit: engine.fitBgNbd(histories()), report: engine.predictCustomers(LOG) };
  const outcomes = { thrown: 0, returned: 0 };
  for (const [call, run] of predictionCalls) {
    for (const [name, value] of hostileValues()) {
      const what = `${call} with v = ${name}`;
      let result;
      try {
        result = run(value);
      } catch (error) {
        assert.ok(error instanceof Error && !(error instanceof WebAssembly.RuntimeError), `${what}: threw ${error}`);
        assert.ok(CODES.has(error.code), `${what}: code ${error.code} (${error.message})`);
        assert.equal(typeof error.field, 'string', `${what}: a field`);
        assert.ok(error.field.length > 0 && error.message.length > 0 && error.message.length < 500, `${what}: ${error.message}`);
        outcomes.thrown++;
        continue;
      }
      assert.notEqual(result, undefined, what);
      finiteNumbers(result, what);
      outcomes.returned++;
    }
  }
  // Both kinds happen: the table is not all refusals (nor all results).
  assert.ok(outcomes.thrown > 500 && outcomes.returned > 50, JSON.stringify(outcomes));
  // And the module still works as before.
  assert.deepEqual(engine.fitBgNbd(histories()), before.fit);
  const after = engine.predictCustomers(LOG);
  assert.deepEqual([after.model, after.customers.length], [before.report.model, before.report.customers.length]);
  const forecast = engine.bgNbdCustomer(PAPER, { x: 2, t_x: 30.428571428571427, T: 38.857142857142854 }, 52);
  assert.ok(Math.abs(forecast.p_alive - 0.7266251937802588) < 1e-12, `lifetimes' P(alive) of customer 1: ${forecast.p_alive}`);
});

test('an exception the caller\'s own list throws comes back as it is, and the engine still works', () => {
  const boom = new Error('the caller\'s own');
  const list = new Proxy([{ x: 1, t_x: 1, T: 2 }], { get: (target, key) => (key === '0' ? (() => { throw boom; })() : Reflect.get(target, key)) });
  for (const call of [() => engine.fitBgNbd(list), () => engine.fitGammaGamma(list)]) {
    let error;
    try {
      call();
    } catch (caught) {
      error = caught;
    }
    assert.ok(error === boom || CODES.has(error?.code), `threw ${error}`);
  }
  assert.ok(Math.abs(engine.bgNbdExpected(PAPER, 39) - 1.195047681513762) < 1e-9, 'lifetimes\' E[X(39)]');
});

test('a revoked Proxy as the list of customers is a coded Error', () => {
  for (const call of [engine.fitBgNbd, engine.fitGammaGamma]) {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    assert.equal(thrown(() => call(proxy)).code, 'not_a_table');
  }
});

test('a Uint8Array whose buffer went to another thread reads as an empty file, as the buffer itself does', () => {
  for (const call of [engine.summarizeCustomers, engine.predictCustomers, engine.analyzeTransactions]) {
    const view = new Uint8Array(16);
    structuredClone(view.buffer, { transfer: [view.buffer] });
    const error = thrown(() => call(view, {}));
    assert.deepEqual([error.code, error.field], ['no_data', 'file']);
  }
});

test('parameters and times beyond what a model can mean are refused by field; at the edges of the range, forecasts are finite', () => {
  const refused = [
    [() => engine.bgNbdCustomer({ r: 0.2426, alpha: 1e300, a: 0.7929, b: 2.4259 }, { x: 3, t_x: 1, T: 2 }, 1), 'params.alpha'],
    [() => engine.bgNbdCustomer({ ...PAPER }, { x: 3, t_x: Number.MAX_VALUE, T: Number.MAX_VALUE }, 1), 'customers[0].t_x'],
    [() => engine.bgNbdCustomer({ r: 1000, alpha: 1e-30, a: 0.1, b: 0.001 }, { x: 1, t_x: 0, T: 0 }, 52), 'params.alpha'],
    [() => engine.bgNbdExpected({ ...PAPER, b: 1e308 }, 52), 'params.b'],
  ];
  for (const [call, field] of refused) {
    assert.deepEqual([thrown(call).code, thrown(call).field], ['out_of_range', field]);
  }
  const edges = [
    [{ r: 0.2426, alpha: 1e9, a: 0.7929, b: 2.4259 }, { x: 3, t_x: 5218, T: 5218 }, 1],
    [{ r: 1000, alpha: 1e-9, a: 0.1, b: 0.001 }, { x: 1, t_x: 0, T: 0 }, 52],
    [{ r: 1e9, alpha: 1e-9, a: 1e-9, b: 1e-9 }, { x: 0, t_x: 0, T: 0 }, 5218],
    [{ r: 1e-9, alpha: 1e9, a: 1e9, b: 1e9 }, { x: 100000, t_x: 5218, T: 5218 }, 5218],
  ];
  for (const [params, history, weeks] of edges) {
    const forecast = engine.bgNbdCustomer(params, history, weeks);
    assert.ok(forecast.p_alive >= 0 && forecast.p_alive <= 1 && Number.isFinite(forecast.expected) && forecast.expected >= 0,
      `${JSON.stringify([params, history, weeks])}: ${JSON.stringify(forecast)}`);
  }
});

test('huge inputs to the predictions: refused at once, with a short message', () => {
  const holes = thrown(() => engine.fitBgNbd(new Array(1e6)));
  assert.deepEqual([holes.code, holes.field], ['required', 'customers[0].x']);
  const line = 'x'.repeat(5e6);
  for (const call of [() => engine.summarizeCustomers(line), () => engine.predictCustomers(line)]) {
    const error = thrown(call);
    assert.equal(error.code, 'missing_column');
    assert.ok(error.message.length < 500, 'the message does not quote the file');
  }
  const same = Array.from({ length: 100000 }, () => ({ x: 1, t_x: 5, T: 10 }));
  let fit = null;
  try {
    fit = engine.fitBgNbd(same);
  } catch (error) {
    assert.equal(error.code, 'cannot_fit');
  }
  if (fit) assert.ok(['r', 'alpha', 'a', 'b', 'log_likelihood'].every((k) => Number.isFinite(fit[k])), JSON.stringify(fit));
});
