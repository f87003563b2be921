/**
 * The key facts of the assessment embedded in a summary (its machine-readable JSON attachment),
 * read defensively: the file comes from outside and may be from another app version, so every
 * field is checked and anything unexpected is simply left out (the raw JSON is still shown).
 */
import { cleanName } from '../../../export/verify/names';

export interface EmbeddedFlag {
  readonly ruleId: string;
  readonly level: string;
  readonly domain: string;
}

export interface AssessmentFacts {
  readonly format: string | null;
  readonly caseReference: string | null;
  readonly instrument: { readonly id: string; readonly version: number; readonly hash: string | null } | null;
  readonly assessedOn: string | null;
  readonly assessor: { readonly name: string; readonly role: string; readonly organisation: string } | null;
  readonly overall: string | null;
  readonly recommendation: string | null;
  readonly flags: readonly EmbeddedFlag[];
  /** The language the summary was written in (its `languages.working.code`). */
  readonly workingLanguage: string | null;
}

type Obj = Readonly<Record<string, unknown>>;

function obj(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

/** A non-empty string, with text-direction and other control characters removed (it came from a file). */
function str(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const { text } = cleanName(value);
  return text !== '' ? text : null;
}

/** The first string found under any of `keys` in any of `sources`. */
function pick(sources: readonly (Obj | null)[], keys: readonly string[]): string | null {
  for (const source of sources) for (const key of keys) {
    const found = str(source?.[key]);
    if (found !== null) return found;
  }
  return null;
}

const FLAG_LEVELS = new Set(['STOP', 'ESC', 'RISK', 'INFO']);
const ORDER = ['STOP', 'ESC', 'RISK', 'INFO'];

function readFlags(value: unknown): EmbeddedFlag[] {
  if (!Array.isArray(value)) return [];
  const flags: EmbeddedFlag[] = [];
  for (const item of value) {
    const flag = obj(item);
    const ruleId = str(flag?.ruleId) ?? str(flag?.id);
    const level = str(flag?.level);
    if (ruleId === null || level === null || !FLAG_LEVELS.has(level)) continue;
    flags.push({ ruleId, level, domain: str(flag?.domain) ?? '' });
  }
  return flags.sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level));
}

export function assessmentFacts(value: unknown): AssessmentFacts | null {
  const root = obj(value);
  if (root === null) return null;
  const inner = obj(root.assessment);
  const metadata = obj(root.metadata) ?? obj(inner?.metadata);
  const result = obj(root.result) ?? obj(inner?.result);
  const all = [metadata, root, inner, result];
  const instrument = obj(root.instrument) ?? obj(inner?.instrument) ?? obj(result?.instrument);
  const id = str(instrument?.id);
  const version = instrument?.version;
  const assessor = obj(metadata?.assessor) ?? obj(root.assessor) ?? obj(inner?.assessor);
  const overall = obj(result?.overall);
  const chosen = obj(result?.chosen);
  return {
    format: pick([root], ['format']),
    caseReference: pick(all, ['caseReference', 'caseRef']),
    instrument: id !== null && typeof version === 'number' ? { id, version, hash: pick([instrument, root, inner], ['sha256', 'hash', 'instrumentHash']) } : null,
    assessedOn: pick(all, ['assessmentDate', 'now', 'assessedOn', 'date']),
    assessor: assessor ? { name: str(assessor.name) ?? '', role: str(assessor.role) ?? '', organisation: str(assessor.organisation) ?? '' } : null,
    overall: str(overall?.level) ?? str(result?.overall),
    recommendation: str(chosen?.recommendation),
    flags: readFlags(result?.flags ?? root.flags ?? inner?.flags),
    workingLanguage: str(obj(obj(root.languages)?.working)?.code),
  };
}
