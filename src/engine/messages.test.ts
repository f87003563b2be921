import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import english from '../../locales/en/engine.json';
import { domains, flagLevels, recommendations } from '../instrument/schema';
import { engineLabelKeys, engineMessageKeys, pluralMessageKeys, ratingLevels } from './index';

const locale: Record<string, string> = english;
const has = (key: string) => typeof locale[key] === 'string' && locale[key] !== '';

describe('English engine messages', () => {
  it('has every key the engine can emit, with _one/_other forms where a count appears', () => {
    const missing = engineMessageKeys.filter((key) =>
      (pluralMessageKeys.includes(key) ? !(has(`${key}_one`) && has(`${key}_other`)) : !has(key)));
    expect(missing).toEqual([]);
  });

  it('uses {{count}} in every plural form and {{rules}} in the STOP gating message', () => {
    for (const key of pluralMessageKeys) {
      expect(`${locale[`${key}_other`]}`).toContain('{{count}}');
    }
    expect(locale['gating.stop_one']).toContain('{{rules}}');
  });

  it('names every domain, flag level, rating level and recommendation', () => {
    const keys = [
      ...domains.map((d) => `domain.${d}`),
      ...flagLevels.flatMap((l) => [`level.${l}`, `level.${l}.description`]),
      ...ratingLevels.map((l) => `rating.level.${l}`),
      ...recommendations.map((r) => `recommendation.${r}`),
      ...engineLabelKeys,
    ];
    expect(keys.filter((k) => !has(k))).toEqual([]);
  });
});

describe('engineMessageKeys', () => {
  it('lists every message key written in the engine source, so the locale test cannot miss one', () => {
    const dir = new URL('.', import.meta.url);
    const source = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'messages.ts')
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n');
    const written = [...source.matchAll(/'((?:rating|gating|signoff|validation|override|confidence)\.[a-z_]+)'/g)].map((m) => m[1] ?? '');
    const listed: readonly string[] = engineMessageKeys;
    expect(written.length).toBeGreaterThan(20);
    expect([...new Set(written)].filter((k) => !listed.includes(k))).toEqual([]);
  });
});
