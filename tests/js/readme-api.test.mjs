// The README's JavaScript API section, run against the real build: each
// example whose result the README writes out (`// → …` on the next line)
// must give that result, so the README cannot drift from the engine.
// Run by `npm test` (node --test tests/js/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as engine from '../../www/pkg/retention_metrics.js';

engine.initSync({ module: readFileSync(new URL('../../www/pkg/retention_metrics_bg.wasm', import.meta.url)) });
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's line that starts with `call`, and the quoted string its next line says it returns. */
function example(call) {
  const lines = readme.split('\n');
  const at = lines.findIndex((line) => line.startsWith(call));
  assert.ok(at >= 0, `README shows ${call}`);
  const promised = /^\/\/ → ("(?:[^"\\]|\\.)*")/.exec(lines[at + 1]);
  assert.ok(promised, `README writes out what ${call} returns`);
  return { code: lines[at], result: JSON.parse(promised[1]) };
}

test('README: tableCsv writes the table for a Polish spreadsheet as shown', () => {
  const { code, result } = example('tableCsv(');
  const made = new Function('tableCsv', `return ${code};`)(engine.tableCsv);
  assert.equal(made, result);
});

test('README: compute returns the inputs as read, in the catalog\'s order', () => {
  const line = readme.split('\n').find((l) => l.includes('inputs: { start: 200, end: 210, new: 30 }'));
  assert.ok(line, 'README shows the inputs of the retention example');
  const result = engine.compute('retention_rate', { start: 200, end: 210, new: '30' }, { locale: 'pl', currency: 'PLN', sector: 'restaurants' });
  assert.deepEqual(result.inputs, { start: 200, end: 210, new: 30 });
  assert.deepEqual(Object.keys(result.inputs), ['start', 'end', 'new']);
  assert.equal(result.value, 90);
});
