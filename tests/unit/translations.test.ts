import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { languages } from '../../src/i18n/languages';
import { registry } from '../../src/instrument/registry';
import { checkBundle, expectedKeys, type Entries } from '../helpers/translations';
import allowList from './translation-allowlist.json';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): Entries => JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as Entries;
const uiNamespaces = readdirSync(`${root}locales/en`).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
const translated = languages.filter((l) => l.code !== 'en');
const allowFor = (lang: string, ns: string): string[] => {
  const list = allowList as Record<string, string[]>;
  return [...(list['*'] ?? []), ...(list[lang] ?? [])].filter((p) => p.startsWith(`${ns}:`)).map((p) => p.slice(ns.length + 1));
};

describe('translations', () => {
  it('every language folder is declared in languages.ts, and every declared language has its files', () => {
    const folders = readdirSync(`${root}locales`).sort();
    expect(folders).toEqual(languages.map((l) => l.code).sort());
  });

  for (const lang of translated) {
    for (const ns of uiNamespaces) {
      it(`${lang.code}: interface namespace ${ns} is complete and keeps every placeholder`, () => {
        const problems = checkBundle(read(`locales/en/${ns}.json`), read(`locales/${lang.code}/${ns}.json`), {
          lang: lang.code, plurals: true, identicalAllowed: allowFor(lang.code, ns),
        });
        expect(problems).toEqual([]);
      });
    }
    for (const entry of registry) {
      it(`${lang.code}: wording of ${entry.id} v${entry.version} is complete`, () => {
        const dir = `src/instrument/definitions/${entry.id}/v${entry.version}/content`;
        expect(existsSync(`${root}${dir}/${lang.code}.json`)).toBe(true);
        const problems = checkBundle(read(`${dir}/en.json`), read(`${dir}/${lang.code}.json`), {
          lang: lang.code, plurals: false, identicalAllowed: allowFor(lang.code, 'instrument'),
        });
        expect(problems).toEqual([]);
      });
    }
  }
});

describe('the translation check on the shipped bundles', () => {
  const without = (bundle: Entries, key: string): Entries => Object.fromEntries(Object.entries(bundle).filter(([k]) => k !== key));

  for (const lang of translated) {
    it(`${lang.code}: removing any one key of any interface namespace (a plural form included) is reported`, () => {
      for (const ns of uiNamespaces) {
        const bundle = read(`locales/${lang.code}/${ns}.json`);
        const en = read(`locales/en/${ns}.json`);
        const opts = { lang: lang.code, plurals: true, identicalAllowed: allowFor(lang.code, ns) };
        expect(checkBundle(en, bundle, opts), `${ns} as shipped`).toEqual([]);
        for (const key of Object.keys(bundle)) expect(checkBundle(en, without(bundle, key), opts), `${ns} without ${key}`).toEqual([`missing key ${key}`]);
      }
    });

    for (const entry of registry) {
      it(`${lang.code}: removing a question, option, help text, section title or flag reason of ${entry.id} v${entry.version} is reported`, () => {
        const dir = `src/instrument/definitions/${entry.id}/v${entry.version}/content`;
        const bundle = read(`${dir}/${lang.code}.json`);
        const en = read(`${dir}/en.json`);
        const opts = { lang: lang.code, plurals: false, identicalAllowed: allowFor(lang.code, 'instrument') };
        const keys = Object.keys(bundle);
        // One key of each kind, the first and the last, and every 100th: the whole file would be slow and prove no more.
        const kinds = [/\.label$/, /\.option\./, /\.help$/, /^section\..*\.title$/, /^rule\..*\.reason$/];
        const sample = new Set([keys[0], keys.at(-1), ...kinds.map((k) => keys.find((key) => k.test(key))), ...keys.filter((_, i) => i % 100 === 0)]);
        expect(sample.size).toBeGreaterThan(kinds.length);
        for (const key of sample) {
          if (key === undefined) throw new Error('a kind of key is missing from the wording');
          expect(checkBundle(en, without(bundle, key), opts), `without ${key}`).toEqual([`missing key ${key}`]);
        }
      });
    }
  }
});

describe('the translation check itself', () => {
  const en = { 'a.title': 'Assessments', 'b.count_one': '{{count}} flag', 'b.count_other': '{{count}} flags', code: 'IOM' };

  it('fails when a key is removed from a language', () => {
    const vi = { 'b.count_other': '{{count}} cờ', code: 'IOM' };
    expect(checkBundle(en, vi, { lang: 'vi', plurals: true, identicalAllowed: [] })).toEqual(['missing key a.title']);
  });

  it('fails when a placeholder is lost or added', () => {
    const sq = { 'a.title': 'Vlerësime {{x}}', 'b.count_one': 'një flamur', 'b.count_other': '{{count}} flamuj', code: 'IOM' };
    expect(checkBundle(en, sq, { lang: 'sq', plurals: true, identicalAllowed: [] })).toEqual([
      'placeholders differ for a.title: "x" vs English ""',
      'placeholders differ for b.count_one: "" vs English "count"',
    ]);
  });

  it('asks for exactly the plural forms of the language (Arabic has six, Vietnamese one)', () => {
    expect([...expectedKeys(en, 'ar', true).keys()].filter((k) => k.startsWith('b.')).sort()).toEqual(
      ['few', 'many', 'one', 'other', 'two', 'zero'].map((c) => `b.count_${c}`),
    );
    const vi = { 'a.title': 'Đánh giá', 'b.count_one': '{{count}} cờ', 'b.count_other': '{{count}} cờ', code: 'IOM' };
    expect(checkBundle(en, vi, { lang: 'vi', plurals: true, identicalAllowed: [] })).toEqual(['unexpected key b.count_one']);
  });

  it('flags a string left in English unless it is a code or listed as intended', () => {
    const ro = { 'a.title': 'Assessments', 'b.count_one': '{{count}} semnal', 'b.count_few': '{{count}} semnale', 'b.count_other': '{{count}} de semnale', code: 'IOM' };
    expect(checkBundle(en, ro, { lang: 'ro', plurals: true, identicalAllowed: [] })).toEqual([
      'identical to English (translate it, or list it as intended): a.title',
    ]);
    expect(checkBundle(en, ro, { lang: 'ro', plurals: true, identicalAllowed: ['a.*'] })).toEqual([]);
    // A pattern made only of placeholders and punctuation is the same in every language.
    expect(checkBundle({ pair: '{{column}}: {{value}}' }, { pair: '{{column}}: {{value}}' }, { lang: 'ro', plurals: true, identicalAllowed: [] })).toEqual([]);
  });
});
