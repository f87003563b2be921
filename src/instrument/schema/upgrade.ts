/**
 * A declared mapping that moves a draft's answers from one version of an instrument to the next,
 * on purpose and never silently: which answers are not carried (and why), which are converted
 * (and how); every other answer whose item is unchanged is carried as it is. The loader-side
 * check (checkUpgrade) makes sure nothing changes without being declared.
 */
import { z } from './zod';
import type { Instrument } from './instrument';

/** Why an answer is not carried; each has wording in the drafts locale (`upgrade.why.<reason>`). */
export const notCarriedReasons = ['split', 'reworded', 'override_names_rules', 'removed', 'incompatible'] as const;

export const conversionSchema = z.discriminatedUnion('how', [
  /** a single choice becomes a list of one (the question now allows several answers) */
  z.strictObject({ how: z.literal('to_list') }),
  /** carried unless it names one of these options (split or withdrawn): then not carried */
  z.strictObject({ how: z.literal('drop_if_option'), options: z.array(z.string()).min(1) }),
  /** rows carried, with these cells set in each; new columns stay empty for the caseworker */
  z.strictObject({ how: z.literal('rows'), set: z.record(z.string(), z.string()) }),
]);
export type Conversion = z.infer<typeof conversionSchema>;

export const upgradeMappingSchema = z.strictObject({
  from: z.number().int().positive(),
  /** the `provenance` item of the newer version that records what the move did */
  record: z.string(),
  notCarried: z.record(z.string(), z.enum(notCarriedReasons)),
  convert: z.record(z.string(), conversionSchema),
});
export type UpgradeMapping = z.infer<typeof upgradeMappingSchema>;

/**
 * Problems with a mapping between two loaded versions: an item of the older version that is
 * gone, or whose answer type or options changed, must be declared (not carried, or converted);
 * declared codes must exist; the record must be a provenance item.
 */
export function checkUpgrade(from: Instrument, to: Instrument, mapping: UpgradeMapping): string[] {
  const p: string[] = [];
  const older = new Map(from.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
  const newer = new Map(to.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
  if (newer.get(mapping.record)?.type !== 'provenance') p.push(`record ${mapping.record} is not a provenance item of the newer version`);
  for (const code of [...Object.keys(mapping.notCarried), ...Object.keys(mapping.convert)]) {
    if (!older.has(code)) p.push(`${code} is not an item of version ${String(from.version)}`);
  }
  for (const code of Object.keys(mapping.convert)) if (!newer.has(code)) p.push(`${code} is converted but not in version ${String(to.version)}`);
  for (const [code, old] of older) {
    // A signature was given over the older version's assessment; it is never carried to a newer one.
    if (old.type === 'signature' && !(code in mapping.notCarried)) p.push(`${code} is a signature: declare it not carried`);
    // So is the decision recorded with it (a supervisor's approval, its comments).
    if (code.includes('.') && older.get(code.split('.')[0] ?? '')?.type === 'signature' && !(code in mapping.notCarried)) {
      p.push(`${code} belongs to the signature ${code.split('.')[0] ?? ''}: declare it not carried`);
    }
    if (code in mapping.notCarried || code in mapping.convert) continue;
    const next = newer.get(code);
    if (!next) {
      p.push(`${code} is gone from version ${String(to.version)} but not declared`);
      continue;
    }
    if (next.type !== old.type) p.push(`${code} changes type (${old.type} → ${next.type}) but is not converted`);
    const kept = new Set((next.options ?? []).map((o) => o.code));
    const lost = (old.options ?? []).filter((o) => !kept.has(o.code)).map((o) => o.code);
    if (lost.length > 0) p.push(`${code} loses options ${lost.join(', ')} but is not converted`);
    const columns = new Set((next.columns ?? []).map((c) => c.key));
    const gone = (old.columns ?? []).filter((c) => !columns.has(c.key)).map((c) => c.key);
    if (gone.length > 0) p.push(`${code} loses columns ${gone.join(', ')} but is not converted`);
    const added = (next.columns ?? []).filter((c) => !(old.columns ?? []).some((o) => o.key === c.key) && c.required);
    if (added.length > 0) p.push(`${code} gains required columns ${added.map((c) => c.key).join(', ')} but is not converted`);
  }
  return p;
}
