// WARNING: certificate file parsing. Certificates and requests arrive as files from other devices;
// this module must refuse anything malformed with a clear message rather than half-parse it.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from './bytes';

/** A certificate or request file could not be read. `message` is meant for the person who chose it. */
export class CertificateFormatError extends Error {
  override name = 'CertificateFormatError';
}

export type PemLabel = 'CERTIFICATE' | 'CERTIFICATE REQUEST';

export function derToPem(der: Uint8Array, label: PemLabel): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Decodes exactly one PEM block with the expected label; anything else is refused. */
export function pemToDer(text: string, label: PemLabel): Uint8Array {
  const pattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;
  const blocks = [...text.matchAll(pattern)];
  const block = blocks[0];
  if (block === undefined) throw new CertificateFormatError(`This is not a PEM file: no "-----BEGIN ${label}-----" line was found.`);
  if (blocks.length > 1) throw new CertificateFormatError('The file holds more than one PEM block; choose a file with exactly one.');
  if (block[1] !== label || block[3] !== label) {
    throw new CertificateFormatError(`Expected a ${label.toLowerCase()}, but the file holds a "${block[1] ?? ''}" block.`);
  }
  const body = (block[2] ?? '').replace(/\s+/g, '');
  if (body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    throw new CertificateFormatError('The PEM block is damaged (its base64 text is not valid).');
  }
  const binary = atob(body);
  const der = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) der[i] = binary.charCodeAt(i);
  return der;
}

/** PEM text, PEM bytes or DER bytes → DER bytes. */
function toDer(input: Uint8Array | string, label: PemLabel): Uint8Array {
  if (typeof input === 'string') return pemToDer(input, label);
  if (input.length === 0) throw new CertificateFormatError('The file is empty.');
  // DER starts with a SEQUENCE tag; PEM starts with text.
  if (input[0] === 0x30) return input;
  return pemToDer(new TextDecoder('utf-8', { fatal: false }).decode(input), label);
}

function decodeDer(der: Uint8Array, what: string): asn1js.AsnType {
  const { offset, result } = asn1js.fromBER(toArrayBuffer(der));
  if (offset === -1 || result.error !== '') throw new CertificateFormatError(`The ${what} is damaged (ASN.1: ${result.error || 'cannot decode'}).`);
  if (offset !== der.length) throw new CertificateFormatError(`The ${what} has ${der.length - offset} unexpected bytes after its end.`);
  return result;
}

export function parseCertificate(input: Uint8Array | string): pkijs.Certificate {
  const asn1 = decodeDer(toDer(input, 'CERTIFICATE'), 'certificate');
  try {
    return new pkijs.Certificate({ schema: asn1 });
  } catch (error) {
    throw new CertificateFormatError(`This is not an X.509 certificate (${error instanceof Error ? error.message : String(error)}).`);
  }
}

export function parseCertificationRequest(input: Uint8Array | string): pkijs.CertificationRequest {
  const asn1 = decodeDer(toDer(input, 'CERTIFICATE REQUEST'), 'certificate request');
  try {
    return new pkijs.CertificationRequest({ schema: asn1 });
  } catch (error) {
    throw new CertificateFormatError(`This is not a certificate request (${error instanceof Error ? error.message : String(error)}).`);
  }
}

export function certificateToDer(certificate: pkijs.Certificate | pkijs.CertificationRequest): Uint8Array {
  return new Uint8Array(certificate.toSchema().toBER(false));
}

export function certificateToPem(certificate: pkijs.Certificate): string {
  return derToPem(certificateToDer(certificate), 'CERTIFICATE');
}

export function requestToPem(request: pkijs.CertificationRequest): string {
  return derToPem(certificateToDer(request), 'CERTIFICATE REQUEST');
}
