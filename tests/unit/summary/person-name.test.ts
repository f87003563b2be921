// Issue 16.6: the person's name is in no exported file unless the caseworker ticked it for that
// file. A marker name is given as the person's acknowledgement name (typed, and beside a drawn
// mark) and searched for in everything a reader or a tool can get out of the file: page text (also
// with signature appearances flattened), every embedded file as poppler extracts it, the document
// information, and the app's own attachment reader.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildSummaryPdf, readSummaryAttachment, summaryAttachment } from '../../../src/export/summary';
import type { SummaryInput } from '../../../src/export/summary/types';
import { detachedTexts, flattenedText } from '../signing/pdf-tools';
import { readFonts, summaryInput } from './fixture';
import { pdftotext, savePdf } from './poppler';

const MARKER = 'Qelbira Zontavek';
// A 1×1 PNG stands in for a drawn mark.
const DOT = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

function withMarker(drawn: boolean, personName?: string): SummaryInput {
  const input = summaryInput('cases-v2/01-adult-avr-low-risk-signable.json', 'en', 'sq');
  return {
    ...input,
    ...(personName !== undefined ? { personName } : {}),
    signatures: [input.signatures[0] as SummaryInput['signatures'][number], { kind: 'person', name: MARKER, role: 'Person assessed', date: input.now, ...(drawn ? { image: DOT } : {}) }],
  };
}

/** Everything readable in the file, by poppler and by the app, as one text. */
async function everything(bytes: Uint8Array): Promise<string> {
  const path = savePdf(bytes);
  const info = spawnSync('pdfinfo', [path], { encoding: 'utf8' }).stdout;
  return [pdftotext(path), pdftotext(path, true), flattenedText(path), ...Object.values(detachedTexts(path)), info, JSON.stringify(await readSummaryAttachment(bytes))].join('\n');
}

describe("the person's name leaves only when chosen", () => {
  for (const drawn of [false, true]) {
    it(`not ticked: the ${drawn ? 'drawn' : 'typed'} acknowledgement is recorded, the name is nowhere`, async () => {
      const bytes = await buildSummaryPdf(withMarker(drawn), readFonts());
      const text = await everything(bytes);
      for (const part of MARKER.split(' ')) expect(text).not.toContain(part);
      expect(text).toContain('The person assessed');
      expect(text).toContain('Name not included in this file');
      expect(JSON.stringify(summaryAttachment(withMarker(drawn)))).not.toContain('Zontavek');
    });
  }

  it('ticked: the name is on page 1, in the acknowledgement and in the attachment', async () => {
    const bytes = await buildSummaryPdf(withMarker(false, MARKER), readFonts());
    const path = savePdf(bytes);
    expect(pdftotext(path).split(MARKER).length - 1).toBeGreaterThanOrEqual(2);
    const attachment = Object.values(detachedTexts(path)).join('\n');
    expect(attachment).toContain(`"personName": "${MARKER}"`);
    expect(attachment).toContain(`"name": "${MARKER}"`);
  });

  it('a name of spaces only counts as not ticked', async () => {
    const bytes = await buildSummaryPdf(withMarker(true, '   '), readFonts());
    expect(await everything(bytes)).not.toContain('Zontavek');
  });
});
