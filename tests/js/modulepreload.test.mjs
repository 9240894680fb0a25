// index.html asks for the page's modules at once (<link rel="modulepreload">)
// instead of one import at a time. The list must be the page's static import
// graph exactly: a module missing from it is fetched late (the first result
// waits), one that is no longer imported is fetched for nothing. Modules
// loaded later on purpose (the data view, by dynamic import()) stay out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../../www/', import.meta.url));
const html = readFileSync(join(www, 'index.html'), 'utf8');

/** The modules a file imports statically (`import … from "./x.js"`, `import "./x.js"`), as paths under www/. */
function staticImports(path) {
  // The engine's glue is the build's output: preloaded by name, not read here.
  if (path.startsWith('pkg/')) return [];
  const source = readFileSync(join(www, path), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\s+(?:[^"'();]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((m) => m[1]);
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(www, normalize(join(www, dirname(path), specifier))).split('\\').join('/'));
}

function graphFrom(entry) {
  const seen = new Set();
  const visit = (path) => {
    for (const next of staticImports(path)) {
      if (seen.has(next)) continue;
      seen.add(next);
      visit(next);
    }
  };
  visit(entry);
  return seen;
}

const entry = /<script type="module" src="([^"]+)"><\/script>/.exec(html)[1];
const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);

test('the modulepreload list is the start module\'s static import graph', () => {
  const graph = graphFrom(entry);
  assert.deepEqual([...preloaded].sort(), [...graph].sort());
  for (const path of preloaded) {
    assert.ok(path.startsWith('pkg/') || existsSync(join(www, path)), `${path} exists`);
  }
});

test('the scanner reads the import forms the page uses, and not dynamic ones', () => {
  const graph = graphFrom(entry);
  assert.ok(graph.has('calculator/calculator.js'), 'a named import');
  assert.ok(graph.has('shared/dom.js'), 'an import of an import');
  assert.ok(graph.has('pkg/retention_metrics.js'), 'the engine, through the CSV export');
  assert.ok(!graph.has('data/view.js'), 'the data view comes by import() when first opened');
});
