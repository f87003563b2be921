import { describe, expect, it } from 'vitest';
import { CURRENT, getInstrument } from '../../instrument';
import { MAX_INTERPRETERS, interpretersIn, rememberedDetails } from './remembered';

const instrument = getInstrument(CURRENT.id, CURRENT.version);
const assessor = instrument.decision.assessor ?? 'A3';
const verbatims = instrument.sections.flatMap((s) => s.items).filter((i) => i.type === 'verbatim').map((i) => i.code);
const said = (translatedBy: string) => ({ original: 'x', language: 'sq', translation: 'y', translatedBy });

describe('remembered details', () => {
  it('offers the assessor details of the most recent other draft that has them, text answers only', () => {
    const older = { [assessor]: 'Older Name', [`${assessor}.organisation`]: 'Old NGO' };
    const newer = { [assessor]: 'Caseworker HW-A', [`${assessor}.organisation`]: 'Homeward Partner NGO (fictional)', [`${assessor}.role`]: 'Caseworker', A4: 'yes' };
    const r = rememberedDetails(instrument, {}, [{}, newer, older]);
    expect(r.assessor).toEqual({ [assessor]: 'Caseworker HW-A', [`${assessor}.organisation`]: 'Homeward Partner NGO (fictional)', [`${assessor}.role`]: 'Caseworker' });
    expect(rememberedDetails(instrument, {}, [{ [assessor]: '  ' }]).assessor).toBeNull();
  });

  it('offers interpreters named in this case first, then in others, each once, at most a few', () => {
    const [a, b] = verbatims;
    if (!a || !b) throw new Error('the instrument has verbatim questions');
    expect(interpretersIn(instrument, { [a]: said('Interpreter 4471'), [b]: said(' ') })).toEqual(['Interpreter 4471']);
    const others = [{ [a]: said('Other 1') }, { [a]: said('Other 2'), [b]: said('Other 3') }, { [a]: said('Other 4') }];
    const r = rememberedDetails(instrument, { [a]: said('Interpreter 4471') }, others);
    expect(r.interpreters[0]).toBe('Interpreter 4471');
    expect(r.interpreters).toHaveLength(MAX_INTERPRETERS);
    expect(new Set(r.interpreters).size).toBe(r.interpreters.length);
    expect(rememberedDetails(instrument, {}, []).interpreters).toEqual([]);
  });
});
