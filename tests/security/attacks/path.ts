// Certificate-path confusion: a signer the organisation never vouched for (self-signed, issued by
// another root, made with OpenSSL, or forged to look like an intermediate or like a colleague)
// hands the verifier the organisation's genuine root and a genuine organisation-issued certificate
// (every signed summary contains one) and hopes the path is checked for them instead of for the
// certificate that actually signed. The signer may sign their own summary: it can be shown as
// valid, but never as verified by the organisation.
import type { AttackCase, Expectation } from '../support/cases';
import { ANY } from '../support/cases';
import { cmsWithCertificates } from '../support/cms';
import { opensslCms, opensslIssued, opensslSelfSigned } from '../support/openssl';
import { ORG, KU, certificate, selfSigned } from '../support/pki';
import { countersign, signFirst } from '../support/sign';
import type { CmsMaker } from '../support/sign';
import type { World } from '../support/world';
import { assessorFields, fields, forgedSummary } from './edits';

/** Own document, own signature: may be valid, may show its own assessment, must not be trusted. */
const confused: Expectation = {
  verdicts: ANY,
  shows: 'any',
  trustable: [false],
  pdfsig: [{ sig: 0, certificate: { isNot: 'Certificate is Trusted.' } }],
};

export async function pathCases(w: World): Promise<AttackCase[]> {
  const forged = forgedSummary(w);
  const sign = (cms: CmsMaker): Promise<Uint8Array> => signFirst(forged, assessorFields(), cms);
  const genuineCert = w.caseworker.certificate;
  const root = w.org.root;
  const attacker = await selfSigned('Amara Okafor');
  // Same subject as the genuine caseworker (O, CN; no "self-declared" OU), self-signed.
  const lookalike = await certificate({ subject: genuineCert.subject });
  const foreignLeaf = await w.foreign.issue('Amara Okafor', { o: ORG });
  // A CA with the organisation root's exact name but the attacker's key, issuing a leaf.
  const fakeRoot = await certificate({ subject: root.subject, ca: { cA: true }, keyUsage: KU.keyCertSign | KU.cRLSign });
  const underFakeRoot = await certificate({ subject: { o: ORG, cn: 'Amara Okafor' }, issuer: { certificate: fakeRoot.certificate, key: fakeRoot.privateKey } });
  // An "intermediate" of the organisation that the root never issued.
  const fakeIntermediate = await certificate({ subject: { o: ORG, cn: 'Homeward Partner NGO Signing CA (fictional)' }, ca: { cA: true }, keyUsage: KU.keyCertSign | KU.cRLSign });
  const underFakeIntermediate = await certificate({ subject: { o: ORG, cn: 'Amara Okafor' }, issuer: { certificate: fakeIntermediate.certificate, key: fakeIntermediate.privateKey } });
  // Issuer and serial number copied from the genuine certificate, signed by the attacker's own key.
  const collisionIssued = await certificate({ subject: genuineCert.subject, issuerName: root.subject, serial: genuineCert.serialNumber.valueBlock.valueHexView.slice(), noKeyIds: true });
  const osslSelf = opensslSelfSigned({ o: ORG, cn: 'Amara Okafor' });
  const osslRoot = opensslSelfSigned({ o: 'Other Agency (fictional)', cn: 'Other Agency OpenSSL Root (fictional)' }, true);
  const osslLeaf = opensslIssued(osslRoot, { o: ORG, cn: 'Amara Okafor' });

  const list: [string, string, CmsMaker][] = [
    ['self-signed-then-org-root-then-genuine-cert', 'a self-signed signer whose CMS carries [signer, organisation root, genuine caseworker certificate]', cmsWithCertificates(attacker, [attacker.certificate, root, genuineCert])],
    ['self-signed-then-genuine-cert-then-org-root', 'the same, certificates ordered [signer, genuine certificate, root]', cmsWithCertificates(attacker, [attacker.certificate, genuineCert, root])],
    ['org-root-and-genuine-cert-before-self-signed', 'the same, the signer’s certificate last: [root, genuine certificate, signer]', cmsWithCertificates(attacker, [root, genuineCert, attacker.certificate])],
    ['duplicated-certificates', 'the same with every certificate twice: [signer, signer, genuine, genuine, root, root]', cmsWithCertificates(attacker, [attacker.certificate, attacker.certificate, genuineCert, genuineCert, root, root])],
    ['self-signed-with-genuine-caseworker-name', 'a self-signed certificate with exactly the genuine caseworker’s subject name (no "self-declared" marker), carrying the root', cmsWithCertificates(lookalike, [lookalike.certificate, root])],
    ['foreign-root-signer-with-org-certificates', 'a signer issued by another organisation’s root, carrying that root, the organisation root and a genuine certificate', cmsWithCertificates(foreignLeaf, [foreignLeaf.certificate, w.foreign.root, root, genuineCert])],
    ['fake-root-with-org-root-name', 'a CA with the organisation root’s exact name (attacker’s key) issued the signer; the CMS carries it and the real root', cmsWithCertificates(underFakeRoot, [underFakeRoot.certificate, fakeRoot.certificate, root])],
    ['fake-intermediate-not-issued-by-root', 'an "organisation signing CA" the root never issued is the signer’s issuer; the CMS carries it, the root and a genuine certificate', cmsWithCertificates(underFakeIntermediate, [underFakeIntermediate.certificate, fakeIntermediate.certificate, root, genuineCert])],
    ['issuer-serial-collision-attacker-first', 'the signer’s certificate copies the genuine one’s issuer and serial number; the CMS lists the attacker’s certificate before the genuine one', cmsWithCertificates(collisionIssued, [collisionIssued.certificate, genuineCert, root])],
    ['issuer-serial-collision-genuine-first', 'the same collision with the genuine certificate listed first', cmsWithCertificates(collisionIssued, [genuineCert, collisionIssued.certificate, root])],
    ['openssl-self-signed-with-org-certificates', 'an OpenSSL-made self-signed signer (openssl req -x509, openssl cms -sign -cades) carrying the root and a genuine certificate', opensslCms(osslSelf, [root, genuineCert])],
    ['openssl-foreign-root-signer-with-org-certificates', 'an OpenSSL CA’s leaf carrying the OpenSSL root, the organisation root and a genuine certificate', opensslCms(osslLeaf, [osslRoot.certificate, root, genuineCert])],
    ['openssl-self-signed-genuine-cert-only', 'an OpenSSL-made self-signed signer carrying only the genuine caseworker certificate (no root)', opensslCms(osslSelf, [genuineCert])],
  ];
  const cases: AttackCase[] = [];
  let n = 1;
  for (const [slug, attack, cms] of list) {
    cases.push({ file: `path-${String(n++).padStart(2, '0')}-${slug}.pdf`, attack: `the attacker’s own summary signed by ${attack}`, bytes: await sign(cms), expect: confused });
  }
  // A forged "supervisor approval" on a genuine, untouched summary.
  for (const [slug, attack, cms] of [
    ['self-signed-approval-with-org-certificates', 'a self-signed "Dana Reyes" approves a genuine summary, carrying the root and the caseworker’s genuine certificate', cmsWithCertificates(attacker, [attacker.certificate, root, genuineCert])],
    ['openssl-approval-with-org-certificates', 'an OpenSSL-made "Dana Reyes" approves a genuine summary, carrying the root and the caseworker’s genuine certificate', opensslCms(osslSelf, [root, genuineCert])],
  ] as const) {
    cases.push({
      file: `path-${String(n++).padStart(2, '0')}-${slug}.pdf`,
      attack,
      bytes: await countersign(w.signed, fields('Dana Reyes'), cms),
      expect: { verdicts: ANY, signatures: 2, trustable: [true, false], pdfsig: [{ sig: 1, certificate: { isNot: 'Certificate is Trusted.' } }] },
    });
  }
  return cases;
}
