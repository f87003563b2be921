/**
 * Keeps the reference part of docs/instrument-authoring.md in step with the shipped
 * instrument: every section, item code, option code, rule and sign-off requirement, with
 * the English wording. `npm run docs:instrument` rewrites it; a unit test fails when the
 * committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeCondition, type Instrument, type Item } from '../src/instrument/schema';
import { CURRENT, getInstrument } from '../src/instrument';

export const DOC_PATH = fileURLToPath(new URL('../docs/instrument-authoring.md', import.meta.url));
const START = '<!-- generated:reference:start (npm run docs:instrument) -->';
const END = '<!-- generated:reference:end -->';

type Wording = Record<string, string>;

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function options(item: Item, en: Wording): string {
  if (item.type === 'ynu') return '`yes`, `no`, `unknown`, `declined`';
  if (item.columns) {
    return item.columns
      .map((c) => {
        const opts = c.options?.map((o) => `\`${o.code}\``).join(', ');
        return `\`${c.key}\` (${c.type}${c.required ? '' : ', optional'}${opts ? `: ${opts}` : ''})`;
      })
      .join('; ');
  }
  return (item.options ?? [])
    .map((o) => {
      const label = en[`item.${item.code}.option.${o.code}`];
      return label ? `\`${o.code}\` ${cell(label)}` : `\`${o.code}\``;
    })
    .join('; ');
}

function typeCell(item: Item): string {
  const range = item.min !== undefined || item.max !== undefined ? ` ${item.min ?? ''}–${item.max ?? ''}` : '';
  return `${item.type}${range}`;
}

export function renderReference(inst: Instrument, en: Wording): string {
  const out: string[] = [`## Reference: ${inst.id} v${inst.version}`, ''];
  out.push('Predicates (named conditions used as `{ "ref": name }`):', '');
  for (const [name, cond] of Object.entries(inst.predicates)) out.push(`- \`${name}\`: ${describeCondition(cond)}`);
  out.push('');
  for (const s of inst.sections) {
    out.push(`### ${s.code}. ${en[`section.${s.code}.title`] ?? ''}`, '');
    out.push(`Domain: \`${s.domain}\`. Shown: ${s.visibleIf ? describeCondition(s.visibleIf) : 'always'}.`, '');
    out.push('| Code | Type | Question | Answers (codes) | Required | Shown when | Source |', '|---|---|---|---|---|---|---|');
    for (const i of s.items) {
      const req = i.requiredWhenFlags ? `while ${i.requiredWhenFlags.join('/')} flags stand` : i.required ? 'yes' : 'no';
      out.push(
        `| \`${i.code}\` | ${typeCell(i)} | ${cell(en[`item.${i.code}.label`] ?? '')} | ${options(i, en)} | ${req} | ${i.visibleIf ? cell(describeCondition(i.visibleIf)) : ''} | ${cell(i.source)} |`,
      );
    }
    out.push('');
  }
  out.push('### Rules', '', '| Rule | Level | Domain | Raised when | Unknown gives | Source |', '|---|---|---|---|---|---|');
  for (const r of inst.rules) {
    const unknown = r.level === 'STOP' ? `${r.onUnknown ?? 'ESC'} (${(r.unknownItems ?? ['items in the condition']).join(', ')})` : '';
    out.push(`| \`${r.id}\` | ${r.level} | ${r.domain} | ${cell(describeCondition(r.when))} | ${unknown} | ${cell(r.source)} |`);
  }
  out.push('', '### Decision and sign-off', '');
  const d = inst.decision;
  out.push(
    `- Recommendation: \`${d.recommendation}\`; assessor's rating \`${d.assessorRating}\` with narrative \`${d.narrative}\`.`,
    `- STOP override: \`${d.override.reason}\`, \`${d.override.by}\`, \`${d.override.role}\` (senior roles: ${d.seniorRoles.map((r) => `\`${r}\``).join(', ')}), \`${d.override.date}\`.`,
    `- Supervisor review signature: \`${d.supervisorReview}\`.`,
  );
  for (const r of d.signOffRequires) {
    out.push(`- \`${r.id}\`: when ${describeCondition(r.when)}, requires ${describeCondition(r.require)} (${cell(r.source)}).`);
  }
  return out.join('\n') + '\n';
}

export function renderDoc(current: string, inst: Instrument, en: Wording): string {
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${DOC_PATH} lacks the generated-reference markers`);
  return `${current.slice(0, a + START.length)}\n\n${renderReference(inst, en)}\n${current.slice(b)}`;
}

export function loadEnglish(id: string, version: number): Wording {
  const path = fileURLToPath(new URL(`../src/instrument/definitions/${id}/v${version}/content/en.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Wording;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const inst = getInstrument(CURRENT.id, CURRENT.version);
  const next = renderDoc(readFileSync(DOC_PATH, 'utf8'), inst, loadEnglish(CURRENT.id, CURRENT.version));
  writeFileSync(DOC_PATH, next);
  console.log(`wrote ${DOC_PATH}`);
}
