// Writes the offline edition: one HTML file with the engine, every script,
// style and icon inlined, that works opened from disk (file://) with no
// network. esbuild bundles the page's modules (the data worker into a string
// the page starts from a blob URL); three small modules in single-file/ stand
// in for the parts that fetch. Usage: node scripts/build-single-file.mjs
// (after the engine is built into www/pkg/). Prints the file's sizes.
import { build, transform } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const www = `${root}www/`;
const standIns = `${root}scripts/single-file/`;
const glue = `${www}pkg/retention_metrics.js`;
const OUTPUT = `${root}dist/retention-calculator.html`;
// Served beside the page for its "Download for offline use" link.
const SERVED = `${www}pkg/retention-calculator.html`;

/**
 * An esbuild plugin that answers some imports with other files or with text:
 * `files` maps a module (a path under www/, however each importer spells it,
 * or a bare name) to the file that stands in for it; `texts` maps bare
 * names to their contents.
 */
function substitute({ files = {}, texts = {} }) {
  const standIn = (spec, importer) => {
    if (spec in files && !spec.startsWith(".")) return files[spec];
    if (!spec.startsWith(".") || !importer) return undefined;
    const path = resolve(dirname(importer), spec).slice(www.length);
    return files[path];
  };
  return {
    name: "substitute",
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, ({ path, importer }) => {
        if (path in texts) return { path, namespace: "text" };
        const file = standIn(path, importer);
        return file ? { path: file } : undefined;
      });
      builder.onLoad({ filter: /.*/, namespace: "text" }, ({ path }) => ({ contents: texts[path], loader: "text" }));
    },
  };
}

const bundleOptions = { bundle: true, format: "esm", minify: true, write: false, target: "es2022", logLevel: "warning" };

async function bundle(entry, plugin, options = {}) {
  const result = await build({ ...bundleOptions, entryPoints: [entry], plugins: [plugin], ...options });
  return result.outputFiles[0].text;
}

// A classic script: Chromium refuses module workers from a blob: URL when the
// page's origin is opaque, as a file:// page's is. The glue's import.meta.url
// (where to fetch the .wasm from) is never reached: the engine arrives by message.
const workerSource = await bundle(`${www}data/worker.js`, substitute({
  files: { "pkg/retention_metrics.js": `${standIns}worker-engine.js`, "engine-glue": glue },
}), { format: "iife", logOverride: { "empty-import-meta": "silent" } });

const wasm = readFileSync(`${www}pkg/retention_metrics_bg.wasm`);
const script = await bundle(`${www}page/app.js`, substitute({
  files: {
    "pkg/retention_metrics.js": `${standIns}engine.js`,
    "data/worker-start.js": `${standIns}worker-start.js`,
    "engine-glue": glue,
    "engine-glue-inline": `${standIns}engine.js`,
  },
  texts: {
    "data-worker-source": workerSource,
    "engine-wasm": gzipSync(wasm, { level: 9 }).toString("base64"),
  },
}));

let html = readFileSync(`${www}index.html`, "utf8");
const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((match) => match[1]);
const css = (await transform(stylesheets.map((href) => readFileSync(`${www}${href}`, "utf8")).join("\n"), { loader: "css", minify: true })).code;
const icon = `data:image/svg+xml;base64,${readFileSync(`${www}icons/icon.svg`).toString("base64")}`;

const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
// Nothing to fetch at all: the only sources are the inlined script and style,
// data: images, and the blob the data worker starts from.
const policy = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(css)}`,
  "img-src data: blob:",
  "worker-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const replaced = (pattern, replacement) => {
  if (!pattern.test(html)) throw new Error(`single file: index.html has no ${pattern}`);
  html = html.replace(pattern, replacement);
};
replaced(/<!--[\s\S]*?-->\s*/g, "");
replaced(/<html /, "<html data-single-file ");
replaced(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*"/, `$1${policy}"`);
replaced(/<link rel="icon" href="[^"]+"/, `<link rel="icon" href="${icon}"`);
replaced(/\s*<link rel="(stylesheet|modulepreload|preload|manifest|apple-touch-icon)"[^>]*>/g, "");
replaced(/\s*<script type="module" src="page\/app.js"><\/script>/, "");
// A function, not a string: in a replacement string "$&" or "$'" in the code would be read as patterns.
replaced(/<\/head>/, () => `<style>${css}</style>\n<script type="module">${script}</script>\n</head>`);

// Anything still pointing at a file would fail from disk: only in-page links may stay.
const external = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((url) => !/^(data:|\?|#)/.test(url));
if (external.length > 0) throw new Error(`single file: still refers to ${external.join(", ")}`);
// An inline script ends at the first "</script"; esbuild escapes it in strings, this checks it did.
if ((html.match(/<\/script/gi) || []).length !== 1) throw new Error("single file: the script contains </script");
// The policy allows exactly the script and style written: a byte changed on the way would block the page.
const inlined = /<script type="module">([\s\S]*)<\/script>/.exec(html)[1];
if (inlined !== script) throw new Error("single file: the inlined script differs from the one hashed");

mkdirSync(`${root}dist`, { recursive: true });
writeFileSync(OUTPUT, html);
copyFileSync(OUTPUT, SERVED);
const size = Buffer.byteLength(html);
console.log(`build: dist/retention-calculator.html: ${size} bytes raw, ${gzipSync(html, { level: 9 }).length} bytes gzipped`);
