import { describe, expect, it } from 'vitest';
import { instrument } from '../../tests/helpers/instrument-builder';
import { checkUpgrade, parseInstrument, type UpgradeMapping } from '../instrument/schema';
import { assess } from './assess';
import { upgradeAnswers } from './upgrade';

// Version 1 of a fixture: a single-choice status, a double question, rows of actions.
const older = instrument('fixture')
  .section('F', 'control', (s) => s.choice('F4', ['in_custody', 'released']).ynu('F7').ynu('F8'))
  .section('E', 'debt', (s) => s.multi('E2', ['bank', 'recruiter', 'smuggler']))
  .section('R', 'reception', (s) => s.rows('R1', [{ key: 'action', type: 'text' }]))
  .build();

// Version 2: F4 allows several answers, F7 was split into F9/F10, the recruiter option was split,
// R1 rows gain a required column, and a provenance record says what the move did.
const newerInput = instrument('fixture')
  .section('A', 'process', (s) => s.text('A0', { required: false })) // replaced below by the provenance record
  .section('F', 'control', (s) => s.multi('F4', ['in_custody', 'released']).ynu('F8').ynu('F9').ynu('F10'))
  .section('E', 'debt', (s) => s.multi('E2', ['bank', 'licensed_agency', 'informal_broker', 'smuggler']))
  .section('R', 'reception', (s) => s.rows('R1', [{ key: 'action', type: 'text' }, { key: 'owner', type: 'text' }]))
  .input();
newerInput.version = 2;
const aSection = newerInput.sections[0];
if (!aSection) throw new Error('no section A');
aSection.items = [{ code: 'A1', type: 'provenance', source: 'practice', required: false }];
const newer = parseInstrument(newerInput);

const mapping: UpgradeMapping = {
  from: 1,
  record: 'A1',
  // A supervisor's signature was given over version 1's assessment: it is never carried.
  notCarried: { F7: 'split', N7: 'reworded' },
  convert: { F4: { how: 'to_list' }, E2: { how: 'drop_if_option', options: ['recruiter'] }, R1: { how: 'rows', set: {} } },
};

describe('upgradeAnswers', () => {
  it('carries, converts and leaves out answers exactly as the mapping declares, and says so', () => {
    const { answers, note } = upgradeAnswers(older, newer, mapping, {
      F4: 'released', F7: 'yes', F8: 'no', E2: ['bank', 'smuggler'], R1: [{ action: 'New SIM card' }],
    }, '2026-11-27');
    expect(answers).toEqual({ F4: ['released'], F8: 'no', E2: ['bank', 'smuggler'], R1: [{ action: 'New SIM card' }], A1: note });
    expect(note).toEqual({
      from: { id: 'fixture', version: 1 }, date: '2026-11-27',
      carried: ['F8'], converted: ['F4', 'E2', 'R1'], notCarried: { F7: 'split' }, added: ['F9', 'F10'],
    });
  });

  it('does not carry an answer naming an option that was split, and never guesses which half it meant', () => {
    const { answers, note } = upgradeAnswers(older, newer, mapping, { E2: ['recruiter', 'bank'] }, '2026-11-27');
    expect(answers.E2).toBeUndefined();
    expect(note.notCarried).toEqual({ E2: 'split' });
  });

  it('leaves the new row columns empty, so the caseworker must fill them before sign-off', () => {
    const { answers } = upgradeAnswers(older, newer, mapping, { R1: [{ action: 'New SIM card' }] }, '2026-11-27');
    const r = assess(newer, answers, { now: '2026-11-27' });
    expect(r.errors).toEqual([{ item: 'R1', key: 'validation.required_column', params: { column: 'owner' }, row: 0, column: 'owner' }]);
  });

  it('does not carry an answer that no longer fits its item, and names why', () => {
    const { note } = upgradeAnswers(older, newer, { ...mapping, convert: { ...mapping.convert, F4: { how: 'drop_if_option', options: ['x'] } } }, { F4: 'released' }, '2026-11-27');
    expect(note.notCarried).toEqual({ F4: 'incompatible' });
  });

  it('ignores blank answers and answers of no item', () => {
    const { note } = upgradeAnswers(older, newer, mapping, { F8: '', Z9: 'yes' }, '2026-11-27');
    expect(note.carried).toEqual([]);
    expect(note.notCarried).toEqual({});
  });
});

describe('checkUpgrade', () => {
  it('accepts the fixture mapping', () => {
    expect(checkUpgrade(older, newer, mapping)).toEqual([]);
  });

  it('refuses a change nobody declared: a lost item, a changed type, a lost option, a new required column', () => {
    const bare: UpgradeMapping = { from: 1, record: 'A1', notCarried: {}, convert: {} };
    expect(checkUpgrade(older, newer, bare)).toEqual([
      'F4 changes type (choice → multi) but is not converted',
      'F7 is gone from version 2 but not declared',
      'E2 loses options recruiter but is not converted',
      'R1 gains required columns owner but is not converted',
      'N7 is a signature: declare it not carried',
    ]);
  });

  it('refuses to carry a signature, or the decision recorded with it (review 13, finding 9)', () => {
    const withDecision = parseInstrument({
      ...instrument('fixture').section('F', 'control', (s) => s.ynu('F8')).input(),
    });
    const decided = { ...withDecision, sections: withDecision.sections.map((sec) => (sec.code === 'N'
      ? { ...sec, items: [...sec.items, { code: 'N7.decision', type: 'choice' as const, source: 'practice', options: [{ code: 'approve' }], required: false, allowUnknown: false, personal: false }] }
      : sec)) };
    expect(checkUpgrade(decided, decided, { from: 1, record: 'A1', notCarried: {}, convert: {} })).toEqual(expect.arrayContaining([
      'N7 is a signature: declare it not carried',
      'N7.decision belongs to the signature N7: declare it not carried',
    ]));
  });

  it('refuses a record that is not a provenance item and codes that do not exist', () => {
    expect(checkUpgrade(older, newer, { ...mapping, record: 'F8', notCarried: { ...mapping.notCarried, Q1: 'removed' } })).toEqual([
      'record F8 is not a provenance item of the newer version',
      'Q1 is not an item of version 1',
    ]);
  });
});
