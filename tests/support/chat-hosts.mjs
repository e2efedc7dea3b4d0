// The chat fixtures (tests/fixtures/chat/<app>/) over HTTPS under the apps' real host names,
// as hosts.mjs does for the platform fixtures: Chromium resolves every name to this server;
// Firefox reaches it through `proxy`, a plain HTTP proxy that tunnels every CONNECT here.
import { createServer } from 'node:https';
import { createServer as createHttpServer } from 'node:http';
import { connect } from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './server.mjs';

const CHAT = join(FIXTURES, 'chat');

/** Each host and the fixture it serves (every path gets the app's page, as a single-page app). */
export const CHAT_HOSTS = {
  'web.whatsapp.com': 'whatsapp',
  'www.messenger.com': 'messenger',
  'www.facebook.com': 'messenger',
  'www.instagram.com': 'instagram',
  'discord.com': 'discord',
  'web.telegram.org': 'telegram',
  'www.snapchat.com': 'snapchat',
  'mail.google.com': 'gmail',
  'outlook.live.com': 'outlook',
  'messagerie.ent.test': 'generic',
};

/** A saved fragment of an app's page in a page of its own: the fragment verbatim, in a scrolling pane. @param {string} fragment */
const realShell = (fragment) =>
  '<!doctype html><html><head><meta charset="utf-8"><title>saved fragment</title>' +
  '<style>html,body{margin:0;height:100%}main{height:100vh;display:flex}.saved-pane{flex:1;overflow-y:auto}</style></head>' +
  `<body><main><div class="saved-pane">${fragment}</div></main></body></html>`;

/** @returns {Promise<{ port: number, proxyPort: number, chromiumArgs: string[], requests: { host: string, path: string }[], close: () => Promise<void> }>} */
export async function serveChats() {
  /** @type {{ host: string, path: string }[]} */
  const requests = [];
  const dir = await mkdtemp(join(tmpdir(), 'temoin-chat-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=temoin-test'], { stdio: 'ignore' });
  const server = createServer({ key: await readFile(key), cert: await readFile(cert) }, async (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0].toLowerCase();
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    requests.push({ host, path });
    const app = /** @type {Record<string, string>} */ (CHAT_HOSTS)[host];
    // A saved page of the real app (tests/fixtures/chat/real/<app>/<name>.html): its own scripts
    // kept from running; a saved fragment (the message list alone) set in a scrolling pane.
    const real = new URL(req.url ?? '/', 'https://x').searchParams.get('real');
    if (app && real && /^[a-z0-9-]+$/.test(real)) {
      const saved = await readFile(join(CHAT, 'real', app, `${real}.html`), 'utf8').catch(() => null);
      if (saved === null) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('no saved page');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" });
      res.end(/^\s*<(!doctype|html)/i.test(saved) ? saved : realShell(saved));
      return;
    }
    const file = path === '/__fixture/older.js' ? join(CHAT, 'older.js') : app && !/\.(png|jpe?g|webp|gif|mp4)$/.test(path) ? join(CHAT, app, 'index.html') : null;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no fixture');
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8' });
    res.end(await readFile(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const port = address.port;
  // Firefox has no host resolver rules: a proxy that sends every tunnel to the server above.
  const proxy = createHttpServer((req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, socket, head) => {
    const upstream = connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  // Every socket either server holds, tunnels included, so that closing cannot wait on one that
  // a browser left open (`closeAllConnections` does not know of a CONNECT tunnel's sockets).
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  const track = (/** @type {import('node:net').Socket} */ socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  server.on('connection', track);
  proxy.on('connection', track);
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(undefined)));
  const proxyAddress = proxy.address();
  if (!proxyAddress || typeof proxyAddress === 'string') throw new Error('no proxy address');
  return {
    port,
    proxyPort: proxyAddress.port,
    requests,
    chromiumArgs: [`--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost, EXCLUDE 127.0.0.1`, '--ignore-certificate-errors'],
    close: async () => {
      const closed = Promise.all([proxy, server].map((s) => new Promise((resolve) => s.close(() => resolve(undefined)))));
      for (const socket of sockets) socket.destroy();
      await closed;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
