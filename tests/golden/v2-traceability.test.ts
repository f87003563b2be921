/**
 * docs/instrument-v2-traceability.md checked against the instrument it describes (review 13,
 * finding 20). Each row's claims are read back from the real v2 definition: every rule it names
 * exists, at the level it states (and hard where it says "hard STOP"); every item, option, column
 * and sign-off requirement it names exists; a v1 rule it says was removed is gone; every test and
 * golden case it points at exists. A row that drifts from the instrument fails here, not in review.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getInstrument, getUpgrade, type Item } from '../../src/instrument';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const doc = read('docs/instrument-v2-traceability.md');
const v2 = getInstrument('homeward-return', 2);
const v1 = getInstrument('homeward-return', 1);
const mapping = getUpgrade('homeward-return', 1)?.mapping;
const itemsOf = (inst: typeof v2) => new Map<string, Item>(inst.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
const items2 = itemsOf(v2);
const items1 = itemsOf(v1);
const rules2 = new Map(v2.rules.map((r) => [r.id, r]));
const rules1 = new Set(v1.rules.map((r) => r.id));

interface Row { line: number; cells: string[] }

/** The table rows of the document (header and divider lines left out). */
const rows: Row[] = doc.split('\n').flatMap((text, i) => {
  if (!text.startsWith('|') || /^\|[-| ]+\|$/.test(text)) return [];
  const cells = text.slice(1, -1).split(' | ').map((c) => c.trim());
  return /^(#|Item|Row|Requirement|Finding)$/.test(cells[0] ?? '') ? [] : [{ line: i + 1, cells }];
});
const whole = (r: Row) => r.cells.join(' | ');

const RULE = String.raw`[A-Z]{1,2}\d{1,2}(?:\.[a-z0-9_]+)?-[a-z0-9-]+`;
const ITEM = String.raw`[A-Z]{1,2}\d{1,2}(?:\.[a-z][a-z0-9_]*)?`;
const LEVEL = String.raw`(hard\s+)?(STOP|ESC|RISK|INFO)\b`;

/** Problems with the rules a row names: unknown ids, wrong levels, "hard" that is not. */
function ruleProblems(r: Row): string[] {
  const text = whole(r);
  const p: string[] = [];
  for (const m of text.matchAll(new RegExp(String.raw`(v1\s+)?\`(${RULE})\``, 'g'))) {
    const [, removed, id = ''] = m;
    if (removed) {
      if (!rules1.has(id) || rules2.has(id)) p.push(`${id}: said to be a removed v1 rule`);
    } else if (!rules2.has(id)) p.push(`${id}: no such rule in v2`);
  }
  // A run of rule ids followed by a level: each has that level ("hard STOP": and is hard).
  for (const m of text.matchAll(new RegExp(String.raw`((?:\`${RULE}\`(?:,\s*|\s+and\s+)?)+)\s+${LEVEL}`, 'g'))) {
    const [, list = '', hard, level] = m;
    if (/v1\s+`/.test(text.slice(Math.max(0, (m.index ?? 0) - 4), m.index ?? 0))) continue;
    for (const [, id = ''] of list.matchAll(new RegExp(String.raw`\`(${RULE})\``, 'g'))) {
      const rule = rules2.get(id);
      if (rule && rule.level !== level) p.push(`${id}: the row says ${level}, the instrument ${rule.level}`);
      if (rule && hard && !rule.hard) p.push(`${id}: the row says hard, the instrument does not`);
    }
  }
  return p;
}

/** Problems with the items, options, columns and sign-off requirements a row's "In v2" names. */
function itemProblems(r: Row): string[] {
  const inV2 = r.cells[2] ?? '';
  const plain = inV2.replace(new RegExp(String.raw`\`${RULE}\``, 'g'), '');
  const p: string[] = [];
  const declared = new Set([...Object.keys(mapping?.notCarried ?? {}), ...Object.keys(mapping?.convert ?? {})]);
  for (const [code = ''] of plain.matchAll(new RegExp(String.raw`\b${ITEM}\b`, 'g'))) {
    if (!items2.has(code) && !(items1.has(code) && (declared.has(code) || rules1.size > 0 && /v1|split|→|removed/.test(plain)))) p.push(`${code}: no such item`);
  }
  for (const m of plain.matchAll(new RegExp(String.raw`\b(?:options?\s+)(${ITEM})\s+((?:\`[a-z_]+\`(?:,\s*)?)+)`, 'g'))) {
    const codes = new Set((items2.get(m[1] ?? '')?.options ?? []).map((o) => o.code));
    for (const [, option = ''] of (m[2] ?? '').matchAll(/`([a-z_]+)`/g)) if (!codes.has(option)) p.push(`${m[1] ?? ''} has no option ${option}`);
  }
  for (const m of plain.matchAll(new RegExp(String.raw`(${ITEM}) columns? ((?:[a-z_]+(?:,\s*)?)+)`, 'g'))) {
    const keys = new Set((items2.get(m[1] ?? '')?.columns ?? []).map((c) => c.key));
    for (const key of (m[2] ?? '').split(/,\s*/)) if (key && !keys.has(key)) p.push(`${m[1] ?? ''} has no column ${key}`);
  }
  for (const [, id = ''] of inV2.matchAll(/sign-off requirements? `([a-z-]+)`/g)) {
    if (!v2.decision.signOffRequires.some((s) => s.id === id)) p.push(`no sign-off requirement ${id}`);
  }
  for (const [, hard = ''] of inV2.matchAll(/hard STOPs? for ([^;|]+)/g)) if (hard.length === 0) p.push('empty hard list');
  return p;
}

const testFiles: Record<string, string> = {
  findings: 'tests/golden/v2-review-findings.test.ts',
  properties: 'tests/golden/v2-properties.test.ts',
  generated: 'tests/golden/v2-generated-properties.test.ts',
  'review 13': 'tests/golden/v2-independent-review.test.ts',
  'decision-v2': 'src/engine/decision-v2.test.ts',
};
const goldenFiles = readdirSync(new URL('tests/golden/cases-v2/', root));

/** Problems with the tests a row points at: a named test that does not exist, a golden case that does not. */
function testProblems(r: Row): string[] {
  const tests = r.cells[3] ?? r.cells[2] ?? '';
  const p: string[] = [];
  for (const m of tests.matchAll(/(findings|properties|generated|review 13|decision-v2) › ([^;(]+?)(?=\s*(?:\(|;|$))/g)) {
    const source = read(testFiles[m[1] ?? ''] ?? '');
    for (const name of (m[2] ?? '').split(/,\s*›\s*/).map((n) => n.trim())) {
      // "2.3 row 5" is the test "row 5: …" inside the describe of section 2.3.
      const row = /^2\.3 (row \d+)$/.exec(name)?.[1];
      if (!source.includes(name) && !(row !== undefined && source.includes(`'${row}:`))) p.push(`${m[1] ?? ''} › ${name}: no such test`);
    }
  }
  for (const [, list = ''] of tests.matchAll(/cases-v2\/((?:\d\d(?:,\s*)?)+)/g)) {
    for (const n of list.split(/,\s*/)) if (n && !goldenFiles.some((f) => f.startsWith(`${n}-`))) p.push(`cases-v2/${n}: no such golden case`);
  }
  for (const [, path = ''] of tests.matchAll(/`((?:src|tests|docs)\/[^`]+)`/g)) if (!existsSync(new URL(path, root))) p.push(`${path}: no such file`);
  return p;
}

describe('docs/instrument-v2-traceability.md against the instrument', () => {
  it('has rows for the domain review, the issue and the independent review', () => {
    expect(rows.length).toBeGreaterThan(60);
    for (const heading of ['## 2.1 Missing items', '## 2.2 Wording', '## 2.3 Rule levels', '## Independent review of v2']) expect(doc).toContain(heading);
  });

  it('names only rules that exist, at the level the instrument gives them, hard where it says so', () => {
    expect(rows.flatMap((r) => ruleProblems(r).map((x) => `line ${String(r.line)}: ${x}`))).toEqual([]);
  });

  it('names only items, options, columns and sign-off requirements that exist', () => {
    expect(rows.flatMap((r) => itemProblems(r).map((x) => `line ${String(r.line)}: ${x}`))).toEqual([]);
  });

  it('points only at tests and golden cases that exist', () => {
    expect(rows.flatMap((r) => testProblems(r).map((x) => `line ${String(r.line)}: ${x}`))).toEqual([]);
  });

  it('states the number of rules with a next step as the instrument has it', () => {
    const [, withNext, total] = /\(`?(\d+) of (\d+)`?\)/.exec(doc) ?? [];
    expect(Number(withNext)).toBe(v2.rules.filter((r) => r.next !== undefined).length);
    expect(Number(total)).toBe(v2.rules.length);
  });

  it('catches a row that drifts: a wrong level, a missing rule, a missing item', () => {
    const drift = (text: string): Row => ({ line: 0, cells: ['x', 'x', text, 'x', ''] });
    expect(ruleProblems(drift('`F3-network-at-destination` ESC'))).toEqual(['F3-network-at-destination: the row says ESC, the instrument STOP']);
    expect(ruleProblems(drift('`F2-threats` hard STOP'))).toEqual(['F2-threats: the row says hard, the instrument does not']);
    expect(ruleProblems(drift('`Z9-made-up` STOP'))).toEqual(['Z9-made-up: no such rule in v2']);
    expect(itemProblems(drift('items Z9, A5.nothing'))).toEqual(['Z9: no such item', 'A5.nothing: no such item']);
    expect(itemProblems(drift('option F5 `nothing`'))).toEqual(['F5 has no option nothing']);
    expect(testProblems({ line: 0, cells: ['x', 'x', 'x', 'findings › 9.9.9; cases-v2/99', ''] })).toEqual(['findings › 9.9.9: no such test', 'cases-v2/99: no such golden case']);
  });
});
