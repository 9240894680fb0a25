// Dependency-free static server for www/ (the page and its wasm build).
// Usage: node scripts/serve.mjs [PORT]   (or PORT=… ; default 8080)
// Listens on 127.0.0.1 only. SERVE_ROOT=dir serves another folder (tests).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const PORT = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const ROOT = resolve(process.env.SERVE_ROOT ?? fileURLToPath(new URL('../www', import.meta.url)));

if (!Number.isInteger(PORT) || PORT < 0 || PORT > 65535) {
  console.error(`serve: invalid port "${process.argv[2] ?? process.env.PORT}"`);
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  // application/wasm is what WebAssembly.instantiateStreaming insists on.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const inside = (path, root) => path === root || path.startsWith(root + sep);

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${text}\n`);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method Not Allowed');
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    return send(res, 400, 'Bad Request');
  }
  if (pathname.includes('\0')) return send(res, 400, 'Bad Request');

  // Resolve against the root and refuse anything that leaves it (../, %2e%2e/).
  let file = resolve(join(ROOT, pathname));
  if (!inside(file, ROOT)) return send(res, 404, 'Not Found');
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html'); // "/" -> index.html
      info = await stat(file);
    }
    if (!info.isFile()) return send(res, 404, 'Not Found');
    // A symlink inside www/ must not lead outside it either.
    if (!inside(await realpath(file), await realpath(ROOT))) return send(res, 404, 'Not Found');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // The widget is loaded by blog pages on other origins: module scripts,
      // stylesheets in its shadow root and the .wasm are fetched with CORS.
      'Access-Control-Allow-Origin': '*',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  } catch {
    send(res, 404, 'Not Found');
  }
}

const server = createServer((req, res) => {
  handle(req, res).catch(() => send(res, 500, 'Internal Server Error'));
});

server.on('error', (err) => {
  if (err.code === 'EADDRINUSE') {
    console.error(`serve: port ${PORT} on ${HOST} is already in use. Stop the other server or pick another port: node scripts/serve.mjs ${PORT + 1}`);
  } else {
    console.error(`serve: ${err.message}`);
  }
  process.exit(1);
});

server.listen(PORT, HOST, () => {
  console.log(`Retention calculator: http://${HOST}:${server.address().port}/`);
});

// Exit at once on Ctrl-C / kill (open keep-alive connections would delay close()).
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
