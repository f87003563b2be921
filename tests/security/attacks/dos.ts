// Denial of service: small files that make a naive verifier work for ever. Xref amplification
// (thousands of entries pointing at one large object, a huge /Size, deep or wide /Prev chains), a
// compression bomb in the attachment of an otherwise genuinely signed summary, and certificates
// that issue each other (a cycle) or flood the path builder. Each must be refused with a reason;
// the suite runs them in a child process that is killed after 10 s.
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { ascii, concatBytes } from '../../../src/export/signing/bytes';
import { addSignaturePlaceholder } from '../../../src/export/signing/placeholder';
import { generateSigningKeyPair } from '../../../src/export/signing/keys';
import type { AttackCase, Expectation } from '../support/cases';
import { cmsWithCertificates } from '../support/cms';
import { KU, ORG, certificate, x500 } from '../support/pki';
import type { Identity } from '../support/pki';
import { appendUpdate, arr, attachment, catalog, dictOf, name, num, pdf, readPdfIndex, ref, serialize, withEntries } from '../support/pdf-update';
import type { PdfObject, PdfValue } from '../support/pdf-update';
import { appCms, fillPlaceholder, signFirst, signFirstWide } from '../support/sign';
import type { CmsMaker } from '../support/sign';
import type { World } from '../support/world';
import { assessorFields } from './edits';

const refused: Expectation = { verdicts: ['refused'], isolated: true };
const GIB = 2 ** 30;

/** A zlib stream that inflates to `total` zero bytes: identical 16 MiB blocks, each flushed, then a checksum. */
export function zeroBomb(total: number): Uint8Array {
  const block = 2 ** 24;
  const chunk = deflateRawSync(Buffer.alloc(block), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts: Uint8Array[] = [Uint8Array.of(0x78, 0xda)];
  for (let i = 0; i < total / block; i += 1) parts.push(chunk);
  parts.push(deflateRawSync(Buffer.alloc(0)));
  // Adler-32 of n zero bytes: a = 1, b = n mod 65521.
  const adler = (((total % 65521) << 16) | 1) >>> 0;
  parts.push(Uint8Array.of(adler >>> 24, (adler >>> 16) & 0xff, (adler >>> 8) & 0xff, adler & 0xff));
  return concatBytes(parts);
}

/**
 * The self-signed caseworker's signature over a summary whose single signed revision is edited
 * first: `extra` bytes inserted before the xref, `entries` added to it, the trailer changed.
 */
async function signedWithXref(
  w: World,
  edit: (xrefAt: number, size: number) => { extra: Uint8Array; entries: readonly { num: number; offset: number }[] },
  trailer: Record<string, PdfValue> = {},
): Promise<Uint8Array> {
  const { bytes, location } = await addSignaturePlaceholder(w.unsigned, assessorFields());
  const index = readPdfIndex(bytes);
  const at = index.startxref;
  const { extra, entries } = edit(at, index.size);
  const lines: string[] = [];
  for (let n = 0; n < index.size; n += 1) {
    const entry = index.objects.get(n);
    lines.push(entry === undefined ? '0000000000 65535 f\r\n' : `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`);
  }
  let xref = `xref\n0 ${index.size}\n${lines.join('')}`;
  if (entries.length > 0) {
    xref += `${entries[0]?.num ?? 0} ${entries.length}\n`;
    for (const entry of entries) xref += `${String(entry.offset).padStart(10, '0')} 00000 n\r\n`;
  }
  const newTrailer = withEntries(index.trailer, { Size: num(index.size + entries.length), ...trailer });
  const head = concatBytes([bytes.subarray(0, at), extra]);
  const out = concatBytes([head, ascii(`${xref}trailer\n${serialize(newTrailer)}\nstartxref\n${head.length}\n%%EOF\n`)]);
  return fillPlaceholder(out, location, appCms(w.selfCaseworker));
}

/**
 * `sections` xref sections chained by /Prev after a signed file. With `target`, each section adds
 * one new object number pointing at the offset `target` (a large object written first).
 */
function prevChain(signed: Uint8Array, sections: number, target?: Uint8Array): Uint8Array {
  const index = readPdfIndex(signed);
  const parts: string[] = [];
  const targetAt = signed.length;
  let offset = signed.length + (target?.length ?? 0);
  let prev = index.startxref;
  for (let i = 0; i < sections; i += 1) {
    const entry = target === undefined ? '' : `${index.size + i} 1\n${String(targetAt).padStart(10, '0')} 00000 n\r\n`;
    const trailer = serialize(withEntries(index.trailer, { Size: num(index.size + sections), Prev: num(prev) }));
    const section = `xref\n${entry}trailer\n${trailer}\n`;
    prev = offset;
    offset += section.length;
    parts.push(section);
  }
  return concatBytes([signed, target ?? new Uint8Array(), ascii(`${parts.join('')}startxref\n${prev}\n%%EOF\n`)]);
}

/** Two or more CA certificates issuing each other in a ring; the signer is issued by the first. */
async function caRing(size: number): Promise<{ leaf: Identity; cas: Identity['certificate'][] }> {
  const keys = await Promise.all(Array.from({ length: size }, () => generateSigningKeyPair()));
  const names = keys.map((_k, i) => x500({ o: ORG, cn: `Ring CA ${String.fromCharCode(65 + i)} (fictional)` }));
  const cas = await Promise.all(
    keys.map((pair, i) => {
      const subject = names[i];
      const issuerName = names[(i + 1) % size];
      const signWith = keys[(i + 1) % size]?.privateKey;
      if (subject === undefined || issuerName === undefined || signWith === undefined) throw new Error('ring');
      return certificate({ subject, keys: pair, issuerName, signWith, ca: { cA: true }, keyUsage: KU.keyCertSign | KU.cRLSign | KU.digitalSignature, noKeyIds: true });
    }),
  );
  const first = cas[0];
  if (first === undefined) throw new Error('no ring');
  const leaf = await certificate({ subject: { o: ORG, cn: 'Amara Okafor' }, issuer: { certificate: first.certificate, key: first.privateKey }, noKeyIds: true });
  return { leaf, cas: cas.map((ca) => ca.certificate) };
}

/**
 * `layers` names, each with one key and `width` certificates (distinct serials) issued by the next
 * layer's key; the top layer is self-signed. Every certificate then has `width` issuers that verify.
 */
async function crossCertificates(layers: number, width: number): Promise<{ leaf: Identity; cas: Identity['certificate'][] }> {
  const keys = await Promise.all(Array.from({ length: layers + 1 }, () => generateSigningKeyPair()));
  const names = keys.map((_k, i) => x500({ o: ORG, cn: `Lattice CA level ${i} (fictional)` }));
  const cas: Identity['certificate'][] = [];
  for (let level = 0; level <= layers; level += 1) {
    const subject = names[level];
    const pair = keys[level];
    const issuerName = names[Math.min(level + 1, layers)];
    const signWith = keys[Math.min(level + 1, layers)]?.privateKey;
    if (subject === undefined || pair === undefined || issuerName === undefined || signWith === undefined) throw new Error('lattice');
    for (let copy = 0; copy < width; copy += 1) {
      cas.push((await certificate({ subject, keys: pair, issuerName, signWith, ca: { cA: true }, keyUsage: KU.keyCertSign | KU.cRLSign, noKeyIds: true })).certificate);
    }
  }
  const bottom = names[0];
  const bottomKey = keys[0]?.privateKey;
  if (bottom === undefined || bottomKey === undefined) throw new Error('lattice');
  const leaf = await certificate({ subject: { o: ORG, cn: 'Amara Okafor' }, issuerName: bottom, noKeyIds: true, signWith: bottomKey });
  return { leaf, cas };
}

/**
 * The catalog's EmbeddedFiles as a name tree of `levels` nodes from `first` on, each listing the
 * next `kids` times (review probe p5); the last node lists no names, or, with `cycle`, the first
 * node again. A reader that walks every /Kids entry visits kids^(levels-1) leaves, and one that
 * counts only the names it finds never stops.
 */
function nameTreeBomb(w: World, first: number, levels: number, kids: number, cycle = false): PdfObject[] {
  const index = readPdfIndex(w.unsigned);
  const root = catalog(index);
  const names = dictOf(index, root.dict.entries.get('Names'), '/Names');
  const objects: PdfObject[] = [];
  for (let level = 0; level < levels; level += 1) {
    const last = level === levels - 1;
    const next = last ? first : first + level + 1;
    const value = last && !cycle ? pdf.dict({ Names: arr() }) : pdf.dict({ Kids: arr(...Array.from({ length: kids }, () => ref(next))) });
    objects.push({ num: first + level, value });
  }
  objects.push({ num: root.ref.num, value: withEntries(root.dict, { Names: withEntries(names, { EmbeddedFiles: ref(first) }) }) });
  return objects;
}

export async function dosCases(w: World): Promise<AttackCase[]> {
  const efNum = attachment(readPdfIndex(w.unsigned)).stream.num;

  // 1. 20,000 xref entries pointing at one 300 KB object, inside the signed revision.
  const amplified = await signedWithXref(w, (xrefAt, size) => ({
    extra: ascii(`${size} 0 obj\n[${'0 '.repeat(150_000)}]\nendobj\n`),
    entries: Array.from({ length: 20_000 }, (_v, i) => ({ num: size + i, offset: xrefAt })),
  }));

  // 2. The same amplification in an unsigned update after a genuine self-signed summary.
  const updateBase = w.selfSignedFile;
  const updateIndex = readPdfIndex(updateBase);
  const bigObject = ascii(`${updateIndex.size} 0 obj\n[${'0 '.repeat(150_000)}]\nendobj\n`);
  const at = updateBase.length;
  const amplifiedUpdate = concatBytes([
    updateBase,
    bigObject,
    ascii(
      `xref\n${updateIndex.size} 20000\n${`${String(at).padStart(10, '0')} 00000 n\r\n`.repeat(20_000)}trailer\n${serialize(withEntries(updateIndex.trailer, { Size: num(updateIndex.size + 20_000), Prev: num(updateIndex.startxref) }))}\nstartxref\n${at + bigObject.length}\n%%EOF\n`,
    ),
  ]);

  // 3. A compression bomb: assessment.json inflates to 1 GiB of zeros; the summary is genuinely signed.
  const bomb = zeroBomb(GIB);
  const bombStream = (data: Uint8Array, filter: PdfValue) => ({
    num: efNum,
    stream: { dict: pdf.dict({ Type: name('EmbeddedFile'), Subtype: name('application/json'), Params: pdf.dict({ Size: num(GIB) }), Filter: filter }), data },
  });
  const sign = (unsigned: Uint8Array, cms: CmsMaker = appCms(w.selfCaseworker)) => signFirst(unsigned, assessorFields(), cms);
  const bombed = await sign(appendUpdate(w.unsigned, [bombStream(bomb, name('FlateDecode'))]));
  const doubleBombed = await sign(appendUpdate(w.unsigned, [bombStream(new Uint8Array(deflateSync(bomb, { level: 9 })), pdf.array([name('FlateDecode'), name('FlateDecode')]))]));

  // 4. Certificates: a ring of two, a ring of three, a lattice of cross-certificates, and a flood
  //    (kept under asn1js's 10,000-node limit, which already makes a bigger CMS unreadable).
  const ring2 = await caRing(2);
  const ring3 = await caRing(3);
  const lattice = await crossCertificates(6, 6);
  const flood = await Promise.all(Array.from({ length: 60 }, (_v, i) => certificate({ subject: { o: ORG, cn: `Flood CA ${i} (fictional)` }, ca: { cA: true }, keyUsage: KU.keyCertSign })));
  const floodCerts = flood.map((item) => item.certificate);
  const last = floodCerts.at(-1);
  if (last === undefined) throw new Error('no flood');
  const floodCms = cmsWithCertificates(w.selfCaseworker, [w.selfCaseworker.certificate, ...floodCerts, ...Array.from({ length: 40 }, () => last)]);
  const flooded = await signFirstWide(w.unsigned, assessorFields(), floodCms, 100_000);

  return [
    { file: 'dos-01-xref-20000-entries-to-one-large-object-in-signed-revision.pdf', attack: '20,000 xref entries of the signed revision point at one 300 KB array: a reader that parses every entry parses 6 GB', bytes: amplified, expect: refused },
    { file: 'dos-02-xref-20000-entries-to-one-large-object-in-update.pdf', attack: 'the same amplification in an unsigned update after a genuine self-signed summary', bytes: amplifiedUpdate, expect: refused },
    { file: 'dos-03-huge-size-in-signed-trailer.pdf', attack: 'the signed trailer claims /Size 999999999999', bytes: await signedWithXref(w, () => ({ extra: new Uint8Array(), entries: [] }), { Size: num(999_999_999_999) }), expect: refused },
    { file: 'dos-04-prev-chain-5000-sections.pdf', attack: '5,000 empty xref sections chained by /Prev after a genuine summary', bytes: prevChain(w.selfSignedFile, 5000), expect: refused },
    {
      file: 'dos-05-prev-chain-999-sections-each-to-one-large-object.pdf',
      attack: '999 chained xref sections (just under a 1,000-section guard), each adding one object number that points at the same 300 KB array',
      bytes: prevChain(w.selfSignedFile, 999, ascii(`${readPdfIndex(w.selfSignedFile).size} 0 obj\n[${'0 '.repeat(150_000)}]\nendobj\n`)),
      expect: refused,
    },
    { file: 'dos-06-attachment-inflates-to-1-gib.pdf', attack: 'assessment.json is a 1 MB FlateDecode stream that inflates to 1 GiB of zeros; the summary is genuinely signed (self-signed)', bytes: bombed, expect: refused },
    { file: 'dos-07-attachment-double-deflated-1-gib.pdf', attack: 'the same bomb deflated twice (/Filter [/FlateDecode /FlateDecode]): a few kilobytes on disk', bytes: doubleBombed, expect: refused },
    { file: 'dos-08-two-ca-certificates-issue-each-other.pdf', attack: 'the signer’s CMS carries CA A issued by CA B and CA B issued by CA A (a cycle); the signer is issued by A', bytes: await sign(w.unsigned, cmsWithCertificates(ring2.leaf, [ring2.leaf.certificate, ...ring2.cas])), expect: refused },
    { file: 'dos-09-three-ca-certificates-in-a-ring.pdf', attack: 'the same with three CAs A → B → C → A', bytes: await sign(w.unsigned, cmsWithCertificates(ring3.leaf, [ring3.leaf.certificate, ...ring3.cas])), expect: refused },
    {
      file: 'dos-10-cross-certificate-lattice-46656-paths.pdf',
      attack: 'the CMS carries 6 layers of 6 CA certificates sharing each layer’s name and key, so every certificate has 6 valid issuers: 46,656 paths to explore',
      bytes: await signFirstWide(w.unsigned, assessorFields(), cmsWithCertificates(lattice.leaf, [...lattice.cas, lattice.leaf.certificate]), 40_000),
      expect: refused,
    },
    {
      file: 'dos-11-certificate-flood-100-in-cms.pdf',
      attack: 'the signer’s CMS carries 60 distinct CA certificates and 40 copies of one of them (past any sane per-signature cap, under asn1js’s 10,000-node limit)',
      bytes: flooded,
      expect: refused,
    },
    {
      file: 'dos-12-attachment-name-tree-fan-out-40-kids-9-levels.pdf',
      attack: 'the attachment list is a name tree of 9 nodes, each listing the next 40 times (40^8 paths, no names at the end); the summary is genuinely signed (self-signed)',
      bytes: await sign(appendUpdate(w.unsigned, nameTreeBomb(w, readPdfIndex(w.unsigned).size, 9, 40))),
      expect: refused,
    },
    {
      file: 'dos-13-attachment-name-tree-cycle.pdf',
      attack: 'the attachment list is a name tree whose deepest node lists its root again (40 times at each of 4 levels)',
      bytes: await sign(appendUpdate(w.unsigned, nameTreeBomb(w, readPdfIndex(w.unsigned).size, 4, 40, true))),
      expect: refused,
    },
  ];
}
