import { describe, expect, it } from 'vitest';
import { CURRENT, registry } from '../instrument';
import { readEmbedded } from './assessment';

const embedded = (instrument: { id: string; version: number; sha256: string }) => ({
  format: 'homeward-assessment',
  version: 1,
  instrument,
  metadata: {
    caseReference: 'HW-FU-0001', assessmentDate: '2026-11-27',
    assessor: { name: 'Caseworker HW-A', role: 'Caseworker', organisation: 'Homeward Partner NGO (fictional)' },
  },
  answers: { A1: 'yes' },
});

describe('the embedded assessment of a verified summary', () => {
  const entryOf = (id: string, version: number) => {
    const entry = registry.find((e) => e.id === id && e.version === version);
    if (!entry) throw new Error(`${id} v${String(version)} is not registered`);
    return { id, version, sha256: entry.sha256 };
  };

  it('is read when it names a shipped pre-return assessment with its exact definition', () => {
    const read = readEmbedded(embedded(entryOf(CURRENT.id, CURRENT.version)));
    expect('problem' in read ? read.problem : read.instrument.id).toBe(CURRENT.id);
  });

  it('is refused, not judged as an assessment, when it names the follow-up instrument (even with its real sha256)', () => {
    expect(readEmbedded(embedded(entryOf('homeward-followup', 1)))).toEqual({ problem: 'unknown-instrument' });
  });
});
