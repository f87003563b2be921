// OpenSSL-made signers: keys and certificates from `openssl req` / `openssl x509`, and the CMS
// from `openssl cms -sign -cades` over the signed ranges, i.e. a signer that owes nothing to the
// app's code or to pkijs. Files live in a fresh temporary directory per identity.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as pkijs from 'pkijs';
import { concatBytes } from '../../../src/export/signing/bytes';
import { parseCertificate } from '../../../src/export/signing/pem';
import { pem } from './pki';
import type { CmsMaker } from './sign';

function openssl(args: readonly string[], cwd: string): void {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.error) throw new Error(`openssl could not run: ${result.error.message}. Install OpenSSL 3.`);
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
}

export interface OpensslIdentity {
  readonly dir: string;
  readonly keyPath: string;
  readonly certPath: string;
  readonly certificate: pkijs.Certificate;
}

const LEAF_EXTENSIONS = ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature,nonRepudiation', 'subjectKeyIdentifier=hash'];
const CA_EXTENSIONS = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash'];

/** "/O=…/CN=…" with OpenSSL's escaping of "/" and "=". */
function subject(parts: { readonly o: string; readonly cn: string }): string {
  const escape = (value: string): string => value.replace(/([/=+\\])/g, '\\$1');
  return `/O=${escape(parts.o)}/CN=${escape(parts.cn)}`;
}

/** A self-signed P-256 certificate made by `openssl req -x509` (a leaf unless `ca`). */
export function opensslSelfSigned(parts: { readonly o: string; readonly cn: string }, ca = false): OpensslIdentity {
  const dir = mkdtempSync(join(tmpdir(), 'homeward-openssl-'));
  const args = ['req', '-x509', '-utf8', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '365', '-subj', subject(parts)];
  for (const extension of ca ? CA_EXTENSIONS : LEAF_EXTENSIONS) args.push('-addext', extension);
  openssl(args, dir);
  return { dir, keyPath: join(dir, 'key.pem'), certPath: join(dir, 'cert.pem'), certificate: parseCertificate(readFileSync(join(dir, 'cert.pem'), 'utf8')) };
}

/** A leaf issued by an OpenSSL CA (`openssl req -new` then `openssl x509 -req`). */
export function opensslIssued(issuer: OpensslIdentity, parts: { readonly o: string; readonly cn: string }): OpensslIdentity {
  const dir = mkdtempSync(join(tmpdir(), 'homeward-openssl-'));
  openssl(['req', '-new', '-utf8', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'key.pem', '-out', 'req.pem', '-subj', subject(parts)], dir);
  writeFileSync(join(dir, 'ext.cnf'), `${[...LEAF_EXTENSIONS, 'authorityKeyIdentifier=keyid'].join('\n')}\n`);
  openssl(['x509', '-req', '-in', 'req.pem', '-CA', issuer.certPath, '-CAkey', issuer.keyPath, '-CAcreateserial', '-days', '365', '-sha256', '-extfile', 'ext.cnf', '-out', 'cert.pem'], dir);
  return { dir, keyPath: join(dir, 'key.pem'), certPath: join(dir, 'cert.pem'), certificate: parseCertificate(readFileSync(join(dir, 'cert.pem'), 'utf8')) };
}

/**
 * `openssl cms -sign -cades` (detached, DER, SHA-256, signing-certificate-v2) over the ranges, with
 * `extra` certificates added to the CMS through -certfile.
 */
export function opensslCms(signer: OpensslIdentity, extra: readonly pkijs.Certificate[] = []): CmsMaker {
  return (ranges) => {
    const dir = mkdtempSync(join(tmpdir(), 'homeward-openssl-cms-'));
    writeFileSync(join(dir, 'data.bin'), concatBytes(ranges));
    const args = ['cms', '-sign', '-binary', '-cades', '-nosmimecap', '-md', 'sha256', '-outform', 'DER', '-in', 'data.bin', '-signer', signer.certPath, '-inkey', signer.keyPath, '-out', 'sig.der'];
    if (extra.length > 0) {
      writeFileSync(join(dir, 'extra.pem'), extra.map(pem).join(''));
      args.push('-certfile', 'extra.pem');
    }
    openssl(args, dir);
    return Promise.resolve(new Uint8Array(readFileSync(join(dir, 'sig.der'))));
  };
}

/**
 * `openssl cms -verify` of a detached CMS over `data`, without checking the certificate path: the
 * signature mathematics and signed attributes only, by a verifier that owes nothing to pkijs.
 * Returns OpenSSL's text (the signer info printed) and whether it verified.
 */
export function opensslVerifiesCms(der: Uint8Array, data: Uint8Array): { readonly verified: boolean; readonly text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'homeward-openssl-verify-'));
  writeFileSync(join(dir, 'sig.der'), der);
  writeFileSync(join(dir, 'data.bin'), data);
  const verify = spawnSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', 'sig.der', '-binary', '-content', 'data.bin', '-noverify', '-out', '/dev/null'], { cwd: dir, encoding: 'utf8' });
  if (verify.error) throw new Error(`openssl could not run: ${verify.error.message}. Install OpenSSL 3.`);
  const print = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der'], { cwd: dir, encoding: 'utf8' });
  return { verified: verify.status === 0, text: `${verify.stderr}${print.stdout}` };
}
