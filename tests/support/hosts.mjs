// The platform fixtures over HTTPS under their real host names: a local server answers for
// every host (by the Host header), and Chromium resolves every name to it.
import { createServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { FIXTURES } from './server.mjs';

const HOSTS = join(FIXTURES, 'hosts') + sep;
const TYPES = { '.html': 'text/html; charset=utf-8', '.png': 'image/png', '.css': 'text/css' };

/**
 * @typedef {{ host: string, path: string, origin?: string, referer?: string, fetchSite?: string }} SeenRequest
 * Every request that reaches the server is kept in `requests`: since the browser resolves every
 * name to it, that is every request that leaves the browser.
 * `root` serves another folder of `<host>/` directories (e.g. tests/fixtures/raid) the same way.
 * @param {{ root?: string }} [options]
 * @returns {Promise<{ port: number, chromiumArgs: string[], requests: SeenRequest[], close: () => Promise<void> }>}
 */
export async function serveHosts({ root: folder = HOSTS } = {}) {
  const base = folder.endsWith(sep) ? folder : folder + sep;
  /** @type {SeenRequest[]} */
  const requests = [];
  const dir = await mkdtemp(join(tmpdir(), 'temoin-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=temoin-test'], { stdio: 'ignore' });
  const server = createServer({ key: await readFile(key), cert: await readFile(cert) }, async (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0].toLowerCase();
    const path = decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname);
    requests.push({ host, path, origin: req.headers.origin, referer: req.headers.referer, fetchSite: /** @type {string | undefined} */ (req.headers['sec-fetch-site']) });
    const root = normalize(join(base, host)) + sep;
    const asked = normalize(join(root, path));
    if (!root.startsWith(base) || !asked.startsWith(root.slice(0, -1))) {
      res.writeHead(403).end();
      return;
    }
    // A single-page site: any path without a file of its own gets the host's index.html.
    const file = existsSync(asked) && !asked.endsWith(sep) && extname(asked) ? asked : join(root, 'index.html');
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no fixture for this host');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
  // Plain HTTP (or anything else) sent to this TLS port is still a request that left the browser.
  server.on('tlsClientError', () => requests.push({ host: '?', path: '(a connection that was not TLS)' }));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    port: address.port,
    requests,
    chromiumArgs: [
      `--host-resolver-rules=MAP * 127.0.0.1:${address.port}, EXCLUDE localhost, EXCLUDE 127.0.0.1`,
      '--ignore-certificate-errors',
    ],
    close: async () => {
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
