// Issue 16.5: the person's own copy. It holds what has been arranged, who can help and what to do,
// in the person's language, and nothing that would endanger them if someone else found it: the
// rendered text (pdftotext) is searched for every free-text answer of the case (their account, the
// people who harmed them, the meeting place, the code word, safe-contact rules), every date but the
// travel date, every flag's reason, every rating word and the word STOP.
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/engine';
import { buildPersonCopyPdf, personCopyParts, type PersonCopyInput } from '../../../src/export/summary';
import { getInstrument } from '../../../src/instrument';
import type { Answers } from '../../../src/instrument';
import { goldenCase, readFonts, texts } from './fixture';
import { pageCount, pdftotext, savePdf, squash } from './poppler';

const CONTACT = { who: 'Receiving NGO North-3 helpline (fictional)', how: '+000 0000 0000 (fictional)' };
const ALLOWED = new Set(['D10', 'K1.name']);

function input(file: string, lang = 'en', change: (a: Answers) => Answers = (a) => a): PersonCopyInput {
  const c = goldenCase(`cases-v2/${file}`);
  return { instrument: getInstrument(c.instrument.id, c.instrument.version), answers: change(c.answers), texts: texts(lang, 2), contacts: [CONTACT], createdAt: new Date(`${c.now}T10:00:00Z`) };
}

/** Every free-text or date value in the answers (table cells and verbatim records included), except the allowed facts. */
function forbiddenValues(given: PersonCopyInput): string[] {
  const types = new Map(given.instrument.sections.flatMap((s) => s.items.map((i) => [i.code, i.type] as const)));
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string' && value.trim().length >= 5) found.push(value.trim());
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  const allowed = new Set([...ALLOWED].map((code) => given.answers[code]).filter((v) => typeof v === 'string'));
  for (const [code, value] of Object.entries(given.answers)) {
    if (ALLOWED.has(code)) continue;
    const type = types.get(code);
    if (type === 'text' || type === 'verbatim' || type === 'rows' || type === 'date' || type === 'signature') walk(value);
  }
  return found.filter((value) => !allowed.has(value));
}

describe("the person's own copy", () => {
  for (const file of ['01-adult-avr-low-risk-signable.json', '18-adult-smuggler-threatens-no-plan.json', '33-adult-oath-and-broker-demand.json', '13-adult-network-at-destination-override-holds.json']) {
    it(`${file}: says what is arranged and who can help, and nothing that would endanger the person`, async () => {
      const given = input(file);
      const path = savePdf(await buildPersonCopyPdf(given, readFonts()));
      const text = squash(pdftotext(path));
      expect(pageCount(path)).toBeLessThanOrEqual(2);
      expect(text).toContain('Your plan for going back');
      expect(text).toContain(CONTACT.how);
      if (typeof given.answers.D10 === 'string') expect(text).toContain(given.answers.D10);
      if (typeof given.answers['K1.name'] === 'string') expect(text).toContain(given.answers['K1.name']);
      const forbidden = forbiddenValues(given);
      expect(forbidden.length).toBeGreaterThan(5);
      for (const value of forbidden) expect(text, value).not.toContain(squash(value));
      const result = assess(given.instrument, given.answers, { now: '2026-11-27' });
      for (const flag of result.flags) expect(text, flag.ruleId).not.toContain(squash(given.texts.content(`rule.${flag.ruleId}.reason`)));
      for (const level of ['low', 'medium', 'high', 'very_high']) expect(text).not.toContain(given.texts.engine(`rating.level.${level}`));
      expect(text).not.toContain('STOP');
    });
  }

  it('names who meets the person only when their identity was checked, and never a risky first-night place', () => {
    const risky = input('01-adult-avr-low-risk-signable.json', 'en', (a) => ({ ...a, K3: 'linked_to_exploitation', K4: 'non_residential' }));
    const labels = personCopyParts(risky).map((p) => p.label);
    expect(labels).not.toContain('Who will meet you when you arrive');
    expect(labels).not.toContain('Where you will stay the first night');
    const safe = personCopyParts(input('01-adult-avr-low-risk-signable.json'));
    expect(safe.find((p) => p.label === 'Who will meet you when you arrive')?.value).toBe('A family member whose identity has been checked');
  });

  it('is in the person’s language and direction', async () => {
    const given = input('01-adult-avr-low-risk-signable.json', 'ar');
    const text = squash(pdftotext(savePdf(await buildPersonCopyPdf(given, readFonts()))));
    expect(text).toContain(given.texts.ui('personCopy.helpHeading'));
    expect(text).not.toContain('Your plan for going back');
  });
});
