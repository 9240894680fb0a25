// Lists the release for the service worker (www/sw.js): every file of the
// page, and a version made from their contents, written to pkg/precache.js.
// Any changed byte makes a new version, which the browser sees as a new
// service worker (it compares imported scripts too) and caches afresh.
// Usage: node scripts/precache.mjs [dir]   (default: www; after the build)
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.argv[2] ?? fileURLToPath(new URL("../www", import.meta.url));
const OUTPUT = "pkg/precache.js";

/** Not served to the page: the worker itself (the browser keeps it), its list, type declarations, a build in progress. */
const skipped = (path) => path === "sw.js" || path === OUTPUT || path.endsWith(".d.ts") || path.startsWith("pkg.next/") || /(^|\/)\./.test(path);

const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
  .filter((path) => !skipped(path))
  .sort();

const hash = createHash("sha256");
for (const path of files) hash.update(`${path}\0`).update(readFileSync(join(dir, path))).update("\0");
const version = hash.digest("hex").slice(0, 16);

writeFileSync(join(dir, OUTPUT), `// Written by scripts/precache.mjs: this release's files and version, for sw.js.\nself.PRECACHE = ${JSON.stringify({ version, files })};\n`);
console.log(`build: ${OUTPUT}: version ${version}, ${files.length} files`);
