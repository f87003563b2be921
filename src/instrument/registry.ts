/**
 * The shipped instrument versions. Append-only: a shipped version never changes (its
 * sha256 is checked by registry.test.ts); a change is a new version, and a draft records
 * the version it was started with. Wording lives in content/<lang>.json beside each
 * definition and is loaded by src/i18n (Vite's import.meta.glob), not here.
 */
import type { FollowUpInstrument, Instrument, UpgradeMapping } from './schema';
import { checkUpgrade, parseFollowUpInstrument, parseInstrument, upgradeMappingSchema } from './schema';
import homewardReturnV1 from './definitions/homeward-return/v1/instrument.json';
import homewardReturnV2 from './definitions/homeward-return/v2/instrument.json';
import homewardReturnV2FromV1 from './definitions/homeward-return/v2/upgrade-from-v1.json';
import homewardFollowUpV1 from './definitions/homeward-followup/v1/instrument.json';

/** What an instrument is for: a pre-return assessment, or a follow-up check after return. */
export type InstrumentKind = 'assessment' | 'followup';

export interface InstrumentEntry {
  id: string;
  version: number;
  /** absent: a pre-return assessment (every version shipped before follow-up checks existed) */
  kind?: InstrumentKind;
  /** sha256 of the definition file's bytes; see registry.test.ts */
  sha256: string;
  /** JSON path of the definition, relative to this file */
  file: string;
  definition: unknown;
  /** The declared mapping from the previous version, if drafts may be moved to this one. */
  upgrade?: { file: string; definition: unknown };
}

export const registry: readonly InstrumentEntry[] = [
  {
    id: 'homeward-return',
    version: 1,
    sha256: '44bd401e81ce2a3e3d933417b7809472d117ebcad9459e57e8326d033b72dde6',
    file: './definitions/homeward-return/v1/instrument.json',
    definition: homewardReturnV1,
  },
  {
    id: 'homeward-return',
    version: 2,
    sha256: '16870ed5dd5fceab6cfe204756ff28792854c98bf66b3ca9ab178ff007dc379e',
    file: './definitions/homeward-return/v2/instrument.json',
    definition: homewardReturnV2,
    upgrade: { file: './definitions/homeward-return/v2/upgrade-from-v1.json', definition: homewardReturnV2FromV1 },
  },
  {
    id: 'homeward-followup',
    version: 1,
    kind: 'followup',
    sha256: 'db6a07faf500c61d683d88efbf5537631f26f77f4f8edd1c380e067e404bae1d',
    file: './definitions/homeward-followup/v1/instrument.json',
    definition: homewardFollowUpV1,
  },
];

export function kindOf(entry: Pick<InstrumentEntry, 'kind'>): InstrumentKind {
  return entry.kind ?? 'assessment';
}

/** The version new drafts start on. A draft on an older one stays there until moved on purpose. */
export const CURRENT = { id: 'homeward-return', version: 2 } as const;

const parsed = new Map<string, Instrument>();

/** The validated definition; throws InstrumentError if the data is broken. */
export function getInstrument(id: string, version: number): Instrument {
  const key = `${id}@${version}`;
  const hit = parsed.get(key);
  if (hit) return hit;
  const entry = registry.find((e) => e.id === id && e.version === version);
  if (!entry) throw new Error(`Unknown instrument ${key}: this copy of Homeward does not have it; update the app.`);
  if (kindOf(entry) !== 'assessment') throw new Error(`${key} is a follow-up check after return, not a pre-return assessment.`);
  const inst = parseInstrument(entry.definition);
  parsed.set(key, inst);
  return inst;
}

const followUps = new Map<string, FollowUpInstrument>();

/** A validated follow-up instrument; throws if this copy does not have it or it is not a follow-up. */
export function getFollowUpInstrument(id: string, version: number): FollowUpInstrument {
  const key = `${id}@${String(version)}`;
  const hit = followUps.get(key);
  if (hit) return hit;
  const entry = registry.find((e) => e.id === id && e.version === version);
  if (!entry) throw new Error(`Unknown instrument ${key}: this copy of Homeward does not have it; update the app.`);
  if (kindOf(entry) !== 'followup') throw new Error(`${key} is a pre-return assessment, not a follow-up check.`);
  const inst = parseFollowUpInstrument(entry.definition);
  followUps.set(key, inst);
  return inst;
}

const mappings = new Map<string, UpgradeMapping>();

/**
 * The declared mapping that moves a draft from `fromVersion` to the next version, validated
 * against both definitions; null when there is no newer version to move to.
 */
export function getUpgrade(id: string, fromVersion: number): { to: number; mapping: UpgradeMapping } | null {
  const entry = registry.find((e) => e.id === id && e.version === fromVersion + 1);
  if (!entry?.upgrade) return null;
  const key = `${id}@${String(fromVersion)}`;
  let mapping = mappings.get(key);
  if (!mapping) {
    const parsed = upgradeMappingSchema.parse(entry.upgrade.definition);
    const problems = parsed.from === fromVersion ? checkUpgrade(getInstrument(id, fromVersion), getInstrument(id, entry.version), parsed) : ['wrong version'];
    if (problems.length > 0) throw new Error(`Upgrade ${key} → ${String(entry.version)} is invalid:\n- ${problems.join('\n- ')}`);
    mapping = parsed;
    mappings.set(key, mapping);
  }
  return { to: entry.version, mapping };
}

/** i18next namespace holding an instrument version's wording. */
export function contentNamespace(id: string, version: number): string {
  return `instrument-${id}-v${version}`;
}
