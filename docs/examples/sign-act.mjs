#!/usr/bin/env node
// Signs a Soviet act with your Ed25519 key and prints the curl command that sends it
// (docs/api.md, "Signed acts"). Node 20+, no dependencies:
//
//   node sign-act.mjs <key file> <organisation URL> <your member id> '<command JSON>'
//
// The key file is what `npx soviet keygen <file>` writes ({"seed": base64, ...}).
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [keyFile, orgUrl, memberId, commandJson] = process.argv.slice(2);
if (!commandJson) {
  console.error("usage: node sign-act.mjs <key file> <org URL> <member id> '<command JSON>'");
  process.exit(2);
}

// RFC 8785 canonical JSON, enough for acts: keys sorted, no spaces, integers and strings.
const canonical = (v) =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v !== null && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

// An Ed25519 private key from its 32-byte seed (PKCS #8 wrapping, RFC 8410).
const seed = Buffer.from(JSON.parse(readFileSync(keyFile, 'utf8')).seed, 'base64');
const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
const publicKey = Buffer.from(key.export({ format: 'jwk' }).x, 'base64url');
const keyId = createHash('sha256').update(publicKey).digest('hex').slice(0, 32);

// The act: who, what, a fresh random id, when, and which organisation's log.
const checkpoint = await (await fetch(`${orgUrl}/log/checkpoint`)).text();
const issued = Date.now();
const body = canonical({
  by: memberId,
  command: JSON.parse(commandJson),
  id: randomBytes(16).toString('hex'),
  issued,
  origin: checkpoint.split('\n')[0],
});

// RFC 9530 Content-Digest, and the RFC 9421 signature over the method and the digest.
const digest = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
const params = `("@method" "content-digest");created=${Math.floor(issued / 1000)};keyid="${keyId}";alg="ed25519"`;
const base = `"@method": POST\n"content-digest": ${digest}\n"@signature-params": ${params}`;
const signature = sign(null, Buffer.from(base), key).toString('base64');

const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;
console.log(
  [
    'curl -sS -X POST',
    quote(`${orgUrl}/acts`),
    '-H',
    quote('content-type: application/json'),
    '-H',
    quote(`content-digest: ${digest}`),
    '-H',
    quote(`signature-input: act=${params}`),
    '-H',
    quote(`signature: act=:${signature}:`),
    '--data-binary',
    quote(body),
  ].join(' '),
);
