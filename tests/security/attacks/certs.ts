// Certificates the organisation root really issued, but that must not make a signature "verified
// by the organisation": expired now though valid at a back-dated /M, not yet valid, a /M in the
// future, outside the signing profile (key usage, extended key usage, a CA signing directly, a CA
// beyond its path length, an unknown critical extension). The summary itself is genuine.
import type { AttackCase, Expectation } from '../support/cases';
import { ANY } from '../support/cases';
import { EKU, KU, ORG, certificate } from '../support/pki';
import type { CertificateSpec, Identity } from '../support/pki';
import { appCms, signFirst } from '../support/sign';
import { now } from '../support/world';
import type { World } from '../support/world';
import { assessorFields } from './edits';

const DAY = 86_400_000;

/**
 * Genuine content, a signature that may verify: never shown as trusted. Where NSS agrees
 * (`nss`), pdfsig must not say "Certificate is Trusted." either; NSS checks at the current time
 * and has no organisation profile, so it trusts a future or pre-issue /M, a missing key usage or
 * basic constraints extension, and a CA certificate used as a signer.
 */
const notTrusted = (nss: boolean): Expectation => ({
  verdicts: ANY,
  trustable: [false],
  ...(nss ? { pdfsig: [{ sig: 0, certificate: { isNot: 'Certificate is Trusted.' } }] } : {}),
});

/** A leaf issued with the organisation root's own key, with the given deviations. */
function issued(w: World, spec: Omit<CertificateSpec, 'issuer' | 'subject'>, cn = 'Amara Okafor'): Promise<Identity> {
  return certificate({ ...spec, subject: { o: ORG, cn }, issuer: { certificate: w.org.root, key: w.org.rootKey } });
}

export async function certCases(w: World): Promise<AttackCase[]> {
  const t = Date.now();
  const expired = await w.org.issue('Amara Okafor', { now: new Date('2020-01-01T00:00:00Z'), validityDays: 365 });
  const notYet = await w.org.issue('Amara Okafor', { now: new Date(t + 30 * DAY) });
  const current = w.caseworker;
  const intermediate = await certificate({ subject: { o: ORG, cn: 'Homeward Partner NGO Issuing CA (fictional)' }, issuer: { certificate: w.org.root, key: w.org.rootKey }, ca: { cA: true, pathLen: 0 }, keyUsage: KU.keyCertSign | KU.cRLSign });
  const subCa = await certificate({ subject: { o: ORG, cn: 'Homeward Partner NGO Field CA (fictional)' }, issuer: { certificate: intermediate.certificate, key: intermediate.privateKey }, ca: { cA: true }, keyUsage: KU.keyCertSign | KU.cRLSign });
  const beyondPathLen = await certificate({ subject: { o: ORG, cn: 'Amara Okafor' }, issuer: { certificate: subCa.certificate, key: subCa.privateKey } });
  const leafAsIssuer = await issued(w, {}, 'Team Lead (fictional)');
  const underLeaf = await certificate({ subject: { o: ORG, cn: 'Amara Okafor' }, issuer: { certificate: leafAsIssuer.certificate, key: leafAsIssuer.privateKey } });

  const sign = (identity: Identity, date = now(), chain: readonly Identity['certificate'][] = identity.chain): Promise<Uint8Array> =>
    signFirst(w.unsigned, { ...assessorFields(), date }, appCms({ ...identity, chain }));

  const list: [string, string, Promise<Uint8Array>, boolean][] = [
    ['expired-now-valid-at-backdated-m', 'a certificate that expired in 2021, with /M back-dated to 2020 when it was valid', sign(expired, new Date('2020-06-01T12:00:00Z')), true],
    ['expired-now-signed-now', 'a certificate that expired in 2021, /M now', sign(expired), true],
    ['not-yet-valid', 'a certificate valid only from next month, /M now', sign(notYet), true],
    ['not-yet-valid-m-in-the-future', 'a certificate valid only from next month, /M claiming a date inside its validity', sign(notYet, new Date(t + 40 * DAY)), true],
    ['m-in-the-future', 'a current certificate, /M claiming a date 200 days from now', sign(current, new Date(t + 200 * DAY)), false],
    ['m-before-certificate-issued', 'a current certificate, /M claiming 2019 (before it was issued)', sign(current, new Date('2019-06-01T00:00:00Z')), false],
    ['leaf-key-usage-key-encipherment-only', 'a leaf whose key usage is keyEncipherment only (no digitalSignature, no nonRepudiation)', issued(w, { keyUsage: KU.keyEncipherment }).then((id) => sign(id)), true],
    ['leaf-key-usage-key-agreement-only', 'a leaf whose key usage is keyAgreement only', issued(w, { keyUsage: KU.keyAgreement }).then((id) => sign(id)), true],
    ['leaf-without-key-usage', 'a leaf with no key usage extension at all (outside the organisation’s profile)', issued(w, { keyUsage: null }).then((id) => sign(id)), false],
    ['leaf-eku-server-auth-only', 'a leaf whose extended key usage is serverAuth only (a TLS certificate)', issued(w, { extKeyUsage: [EKU.serverAuth] }).then((id) => sign(id)), true],
    ['leaf-eku-client-auth-only', 'a leaf whose extended key usage is clientAuth only', issued(w, { extKeyUsage: [EKU.clientAuth] }).then((id) => sign(id)), true],
    ['leaf-is-a-ca', 'a CA certificate (cA=true, keyCertSign) issued by the root signs directly', issued(w, { ca: { cA: true }, keyUsage: KU.keyCertSign | KU.cRLSign | KU.digitalSignature }).then((id) => sign(id)), false],
    ['leaf-without-basic-constraints', 'a leaf with no basic constraints extension (outside the organisation’s profile)', issued(w, { ca: null }).then((id) => sign(id)), false],
    ['ca-beyond-path-length', 'root → issuing CA (pathLen 0) → field CA → leaf: the field CA exceeds its issuer’s path length', sign(beyondPathLen, now(), [subCa.certificate, intermediate.certificate, w.org.root]), true],
    ['leaf-issued-by-a-leaf', 'root → ordinary leaf (cA=false) → signer', sign(underLeaf, now(), [leafAsIssuer.certificate, w.org.root]), true],
    ['leaf-unknown-critical-extension', 'a leaf with an unknown extension marked critical (RFC 5280: must be rejected)', issued(w, { unknownCritical: true }).then((id) => sign(id)), true],
    ['leaf-validity-inverted', 'a leaf whose notAfter is before its notBefore', issued(w, { notBefore: new Date(t + DAY), notAfter: new Date(t - DAY) }).then((id) => sign(id)), true],
  ];
  const cases: AttackCase[] = [];
  let n = 1;
  for (const [slug, attack, bytes, nss] of list) {
    cases.push({ file: `cert-${String(n++).padStart(2, '0')}-${slug}.pdf`, attack: `genuine summary signed with ${attack}`, bytes: await bytes, expect: notTrusted(nss) });
  }
  return cases;
}
