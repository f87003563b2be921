import { describe, expect, it } from 'vitest';
import { ascii } from './bytes';
import { PdfReader, PdfStructureError, decodeText, pdf, readIndirectObject, serialize } from './pdf-syntax';

const read = (text: string) => new PdfReader(ascii(text)).readValue();

describe('pdf-syntax', () => {
  it('reads dictionaries, references, names with #-escapes and both string forms', () => {
    const value = read('<< /Kids [3 0 R 4 0 R] /Count 2 /N#20ame (a\\(b\\)\\101\\n) /H <FEFF0041> /R -1.5 /B true /Z null >>');
    expect(serialize(value)).toBe('<</Kids [3 0 R 4 0 R] /Count 2 /N#20ame <61286229410a> /H <feff0041> /R -1.5 /B true /Z null>>');
    expect(value.kind === 'dict' && value.entries.get('H')?.kind === 'string').toBe(true);
  });

  it('records byte spans so the verifier can match /Contents to the ByteRange gap', () => {
    const text = '7 0 obj\n<< /Contents <00ff> /ByteRange [0 1 2 3] >>\nendobj\n';
    const object = readIndirectObject(ascii(text), 0);
    const contents = object.value.kind === 'dict' ? object.value.entries.get('Contents') : undefined;
    expect(contents && text.slice(contents.start, contents.end)).toBe('<00ff>');
  });

  it('round-trips text strings in any script', () => {
    const value = pdf.text('Lê Thị Hoa — አማራ');
    expect(value.kind === 'string' && decodeText(value.bytes)).toBe('Lê Thị Hoa — አማራ');
  });

  it.each(['<< /A ', '(unterminated', '<zz>', '[1 2', `${'['.repeat(200)}`, '<< 1 2 >>'])('refuses %j', (text) => {
    expect(() => read(text)).toThrow(PdfStructureError);
  });
});
