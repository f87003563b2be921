import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CURRENT, getFollowUpInstrument, getInstrument, getUpgrade, kindOf, registry } from './registry';

describe('instrument registry', () => {
  it('no shipped instrument version has changed (a change needs a new version)', () => {
    for (const entry of registry) {
      const bytes = readFileSync(fileURLToPath(new URL(entry.file, import.meta.url)));
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(sha, `${entry.id} v${entry.version} was edited after shipping: copy it to a new version instead`).toBe(entry.sha256);
    }
  });

  it('every registered version loads and validates as its kind, and CURRENT is a registered assessment', () => {
    for (const entry of registry) {
      const load = kindOf(entry) === 'followup' ? getFollowUpInstrument : getInstrument;
      expect(load(entry.id, entry.version).version).toBe(entry.version);
    }
    expect(registry.some((e) => e.id === CURRENT.id && e.version === CURRENT.version && kindOf(e) === 'assessment')).toBe(true);
  });

  it('each entry\'s kind is the one its definition declares (a follow-up says so itself)', () => {
    for (const entry of registry) {
      const declared = (entry.definition as { kind?: unknown }).kind;
      expect(declared ?? 'assessment', `${entry.id} v${entry.version}`).toBe(kindOf(entry));
    }
  });

  it('never opens a follow-up check as a pre-return assessment, or the reverse', () => {
    expect(() => getInstrument('homeward-followup', 1)).toThrow(/follow-up check after return, not a pre-return assessment/);
    expect(() => getFollowUpInstrument(CURRENT.id, CURRENT.version)).toThrow(/not a follow-up check/);
    expect(() => getFollowUpInstrument('homeward-followup', 99)).toThrow(/update the app/);
  });

  it('refuses an instrument version this copy does not have, saying what to do', () => {
    expect(() => getInstrument(CURRENT.id, 999)).toThrow(/update the app/);
  });

  it('declares how a v1 draft moves to v2, and the mapping covers every change between them', () => {
    const upgrade = getUpgrade('homeward-return', 1);
    expect(upgrade?.to).toBe(2);
    // getUpgrade refuses a mapping with an undeclared change (checkUpgrade); these are the declared ones.
    expect(Object.keys(upgrade?.mapping.notCarried ?? {}).sort()).toEqual(['E9', 'E9.words', 'F9', 'G7', 'N6.by', 'N6.date', 'N6.reason', 'N6.role', 'N7', 'N7.comments', 'N7.decision', 'N9']);
    expect(Object.keys(upgrade?.mapping.convert ?? {}).sort()).toEqual(['E2', 'F4', 'G9', 'H3', 'LA1', 'N5']);
    expect(getUpgrade('homeward-return', 2)).toBeNull();
  });
});
