// WARNING: signing entry points. A regression here can produce PDFs whose signatures do not verify
// (or that cover the wrong bytes). Every change must keep the pdfsig tests in tests/unit/signing green.
import type * as pkijs from 'pkijs';
import { createDetachedCms } from './cms';
import { appendSignaturePlaceholder, nextSignatureBox } from './incremental';
import type { AppearanceSource } from './transplant';
import { addSignaturePlaceholder, writeByteRange, writeContents } from './placeholder';
import type { PlaceholderLocation, SignatureFields } from './placeholder';

export interface SignPdfOptions extends SignatureFields {
  /** The signer's private key (non-extractable is expected; only `sign` is used). */
  readonly privateKey: CryptoKey;
  readonly certificate: pkijs.Certificate;
  /** Issuer certificates (e.g. the organisation root); empty for a self-signed identity. */
  readonly chain: readonly pkijs.Certificate[];
}

async function fill(bytes: Uint8Array, location: PlaceholderLocation, options: SignPdfOptions): Promise<Uint8Array> {
  if (options.privateKey.type !== 'private' || !options.privateKey.usages.includes('sign')) throw new TypeError('A private signing key is required.');
  const [, gapStart, gapEnd] = writeByteRange(bytes, location);
  const cms = await createDetachedCms([bytes.subarray(0, gapStart), bytes.subarray(gapEnd)], {
    privateKey: options.privateKey,
    certificate: options.certificate,
    chain: options.chain,
  });
  writeContents(bytes, location, cms);
  return bytes;
}

/** First signature on an unsigned pdf-lib PDF. Returns new bytes (the input is not modified). */
export async function signPdf(pdfBytes: Uint8Array, options: SignPdfOptions): Promise<Uint8Array> {
  const { bytes, location } = await addSignaturePlaceholder(pdfBytes, options);
  return fill(bytes, location, options);
}

export interface CountersignOptions extends SignPdfOptions {
  /** Draws what the filled field shows (the decision), at the field's size; omitted: nothing drawn. */
  readonly appearance?: (box: { width: number; height: number }) => Promise<AppearanceSource>;
}

/**
 * A countersignature appended as an incremental update; earlier signatures stay valid. It fills
 * the next prepared signature field and, when that field is visible, shows `appearance` in it.
 */
export async function countersignPdf(pdfBytes: Uint8Array, options: CountersignOptions): Promise<Uint8Array> {
  const box = options.appearance === undefined ? null : nextSignatureBox(pdfBytes);
  const appearance = box === null || options.appearance === undefined ? undefined : await options.appearance(box);
  const { bytes, location } = appendSignaturePlaceholder(pdfBytes, options, appearance);
  return fill(bytes, location, options);
}
