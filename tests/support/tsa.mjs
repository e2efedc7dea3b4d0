// A local RFC 3161 time-stamping authority for the tests: a test CA made with the `openssl`
// CLI, and `openssl ts -reply` answering each request behind a small HTTP server on loopback.
// `mode` makes it answer, refuse, answer for another fingerprint, or never answer (a server that
// hangs), so that the tests can see what Témoin does when the authority is wrong or offline.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CA_CONFIG = `[ca]
default_ca = ca_default
[ca_default]
database = ./index.txt
new_certs_dir = ./newcerts
serial = ./ca-serial
policy = policy_any
copy_extensions = none
unique_subject = no
[policy_any]
commonName = supplied
organizationName = optional
[root_ext]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[tsa_ext]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[req]
distinguished_name = dn
prompt = no
[dn]
CN = placeholder
[tsa]
default_tsa = tsa_config
[tsa_config]
dir = .
serial = ./tsa-serial
crypto_device = builtin
signer_cert = ./tsa.pem
signer_key = ./tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.32473.1.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_alg = sha256
`;

/**
 * @typedef {'answer' | 'refuse' | 'silent' | 'other'} TsaMode
 * @returns {Promise<{ url: string, dir: string, rootPem: string, requests: number, mode: TsaMode, close: () => Promise<void> }>}
 */
export async function startTsa() {
  const dir = await mkdtemp(join(tmpdir(), 'temoin-tsa-'));
  const run = (/** @type {string[]} */ args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  await writeFile(join(dir, 'ca.cnf'), CA_CONFIG);
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'ca-serial'), '1000\n');
  await writeFile(join(dir, 'tsa-serial'), '01\n');
  execFileSync('mkdir', ['-p', join(dir, 'newcerts')]);
  run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'root.key']);
  run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'tsa.key']);
  const issue = (/** @type {string} */ name, /** @type {string} */ subject, /** @type {string} */ ext, /** @type {boolean} */ self) => {
    run(['req', '-new', '-config', 'ca.cnf', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`]);
    run(['ca', '-batch', '-notext', '-config', 'ca.cnf', ...(self ? ['-selfsign', '-keyfile', 'root.key'] : ['-cert', 'root.pem', '-keyfile', 'root.key']),
      '-in', `${name}.csr`, '-extensions', ext, '-md', 'sha256', '-startdate', '20200101000000Z', '-enddate', '20491231235959Z', '-out', `${name}.pem`]);
  };
  issue('root', '/O=Temoin tests/CN=Temoin Test TSA Root', 'root_ext', true);
  issue('tsa', '/O=Temoin tests/CN=Temoin Test TSA', 'tsa_ext', false);

  const state = {
    url: '',
    dir,
    rootPem: join(dir, 'root.pem'),
    requests: 0,
    /** @type {TsaMode} */
    mode: 'answer',
    close: async () => {},
  };
  let n = 0;
  /** @type {import('node:http').ServerResponse[]} */
  const held = [];
  const server = createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      state.requests += 1;
      if (state.mode === 'silent') {
        held.push(res);
        return;
      }
      n += 1;
      const query = join(dir, `q${n}.tsq`);
      const reply = join(dir, `r${n}.tsr`);
      await writeFile(query, Buffer.concat(chunks));
      try {
        // A refusal: the authority is asked for a section it does not have the key of.
        if (state.mode === 'refuse') throw new Error('refused');
        // 'other': a valid token, but for another fingerprint than the one asked.
        if (state.mode === 'other') run(['ts', '-query', '-digest', 'ab'.repeat(32), '-sha256', '-cert', '-out', query]);
        run(['ts', '-reply', '-config', 'ca.cnf', '-queryfile', query, '-chain', 'root.pem', '-out', reply]);
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(await readFile(reply));
      } catch {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('no');
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  state.url = `http://127.0.0.1:${address.port}/tsr`;
  state.close = async () => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
    await rm(dir, { recursive: true, force: true });
  };
  return state;
}
