// Writes the page's first paint for each language from the built engine:
// pkg/shell-<lang>.js holds the texts of the header, picker and form and the
// catalog (every metric's form), so the page shows its header and the
// calculator's form while the .wasm is still downloading (www/page/shell.js).
// pkg/shell.js lists the languages. The engine stays the single source: these
// files are its own output, made at build time.
// Usage: node scripts/shell.mjs <pkg dir>   (scripts/build.sh, before it swaps the build in)
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const dir = resolve(process.argv[2] ?? "www/pkg");
const engine = await import(pathToFileURL(join(dir, "retention_metrics.js")).href);
engine.initSync({ module: readFileSync(join(dir, "retention_metrics_bg.wasm")) });

/** The texts the page's chrome, picker and form read before the engine runs; results bring their own. */
const SHELL_TEXTS = /^(ui|lang|currency|sector|data\.page)\./;

const english = engine.messages("en");
const languages = Object.keys(english).filter((key) => key.startsWith("lang.")).map((key) => key.slice(5)).sort();
for (const lang of languages) {
  const messages = Object.fromEntries(Object.entries(engine.messages(lang)).filter(([key]) => SHELL_TEXTS.test(key)));
  const shell = { messages, catalog: engine.catalog({ lang }) };
  writeFileSync(join(dir, `shell-${lang}.js`), `// Written by scripts/shell.mjs from the engine: the first paint in "${lang}".\nexport default ${JSON.stringify(shell)};\n`);
}
writeFileSync(join(dir, "shell.js"), `// Written by scripts/shell.mjs: the languages that have a first paint.\nexport const LANGUAGES = ${JSON.stringify(languages)};\n`);
console.log(`build: pkg/shell-*.js: first paint in ${languages.join(", ")}`);
