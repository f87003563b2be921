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
    out.push('| Code | Type | Question | Answers (codes) | Required | Shown when | For | Source |', '|---|---|---|---|---|---|---|---|');
    for (const i of s.items) {
      out.push(
        `| \`${i.code}\` | ${typeCell(i)} | ${cell(en[`item.${i.code}.label`] ?? '')} | ${options(i, en)} | ${required(i)} | ${i.visibleIf ? cell(describeCondition(i.visibleIf)) : ''} | ${audience(i)} | ${cell(i.source)} |`,
      );
    }
    out.push('');
  }
  out.push(...renderRules(inst), '', '### Decision and sign-off', '', ...renderDecision(inst));
  return out.join('\n') + '\n';
}

function required(i: Item): string {
  if (i.requiredWhenFlags) return `while ${i.requiredWhenFlags.join('/')} flags stand`;
  if (i.requiredWhenFlagDomains) return `while ${i.requiredWhenFlagDomains.join('/')} flags stand`;
  return i.required ? 'yes' : 'no';
}

/** Whom the item is for, whether the pre-departure re-check asks it again, and what kind of information it shares as. */
function audience(i: Item): string {
  return [i.audience, i.recheck ? 're-check' : undefined, i.share ? `shares as ${i.share}` : undefined].filter(Boolean).join('; ');
}

function renderRules(inst: Instrument): string[] {
  const out = [`### Rules (unknowns: ${inst.unknowns ?? 'listed'})`, ''];
  out.push('| Rule | Level | Severity | Review | Domain | Raised when | Unknown gives | Next step | Source |', '|---|---|---|---|---|---|---|---|---|');
  const derived = inst.unknowns === 'derived';
  for (const r of inst.rules) {
    const reach = derived ? 'any item it reads or that gates it' : (r.unknownItems ?? ['items in the condition']).join(', ');
    const unknown = r.level === 'STOP' ? `${r.onUnknown ?? 'ESC'} (${reach})` : '';
    const level = `${r.level}${r.hard ? ' (hard)' : ''}${r.confidence ? ` (confidence: ${r.confidence})` : ''}`;
    const severity = r.severity ?? (r.confidence ? 'low' : { STOP: 'very_high', ESC: 'high', RISK: 'medium', INFO: 'low' }[r.level]);
    const review = r.review ?? (r.level === 'STOP' || r.level === 'ESC' ? 'supervisor' : 'none');
    out.push(`| \`${r.id}\` | ${level} | ${severity} | ${review} | ${r.domain} | ${cell(describeCondition(r.when))} | ${unknown} | ${r.next ?? ''} | ${cell(r.source)} |`);
  }
  return out;
}

function renderDecision(inst: Instrument): string[] {
  const d = inst.decision;
  const roles = d.seniorRoles.map((r) => `\`${r}\``).join(', ');
  const out = [
    `- Recommendation: \`${d.recommendation}\`; assessor's rating \`${d.assessorRating}\` with narrative \`${d.narrative}\`.`,
    'record' in d.override
      ? `- STOP override: the record \`${d.override.record}\`, naming the STOP rules it lifts (roles that may record it: ${roles}); never a hard rule; it lapses when an answer a named rule reads changes or a new STOP appears.`
      : `- STOP override: \`${d.override.reason}\`, \`${d.override.by}\`, \`${d.override.role}\` (senior roles: ${roles}), \`${d.override.date}\`.`,
    `- Supervisor review signature: \`${d.supervisorReview}\`.`,
  ];
  if (d.assessor) out.push(`- Assessor's name: \`${d.assessor}\` (an override or supervisor signature in that name is refused).`);
  if (d.mitigation) out.push(`- Mitigations: rows of \`${d.mitigation.item}\`, each naming in \`${d.mitigation.flags}\` the flags it answers.`);
  if (d.multiAgencyReview) out.push(`- Multi-agency review held: \`${d.multiAgencyReview}\`.`);
  if (d.signOff) out.push(`- Sign-off record: \`${d.signOff.record}\`; it lapses when departure (\`${d.signOff.departure}\`) is more than ${String(d.signOff.validDays)} days after it, or a STOP-relevant answer changes.`);
  for (const r of d.signOffRequires) {
    out.push(`- \`${r.id}\`: when ${describeCondition(r.when)}, requires ${describeCondition(r.require)} (${cell(r.source)}).`);
  }
  for (const r of inst.sharing?.recipients ?? []) {
    out.push(`- Sharing with \`${r.id}\`: only if \`${r.consent}\` is yes; ${r.scope ? `what \`${r.scope}\` lists` : 'the whole record'}.`);
  }
  return out;
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
