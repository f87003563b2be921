import { returnCountries, returnRegions } from './regions';
import { mappedVersions, stableRules } from './stable-rules';

/**
 * The stable vocabulary of the outcome export: follow-up check points, coded follow-up outcomes,
 * age bands, and the variables (measures and breakdowns) a table may cross. A code here never
 * changes meaning; a new meaning gets a new code, so counts stay comparable across instrument
 * versions, organisations and years. docs/data-dictionary.md defines each one.
 */

/** Follow-up checks after the departure date (issue 17 item 2; the 24-month check is optional). */
export const checkPoints = ['72h', '1m', '3m', '6m', '12m', '24m'] as const;
export type CheckPoint = (typeof checkPoints)[number];

/**
 * Coded outcomes a follow-up check records (domain review 3.1 item 3). Each is something found at
 * that check; absence means "not found", not "asked and denied" (the check's own record says
 * what was asked). Re-migration is split by choice and by necessity, as the instrument's H9/E11 are.
 */
export const outcomeCodes = [
  'arrived_safely',
  'living_at_agreed_address',
  'services_received',
  'income_source',
  'school_attendance',
  'trafficker_contact_or_threat',
  'debt_demand',
  'remigration_plan_by_choice',
  'remigration_plan_by_necessity',
  'suspected_re_exploitation',
  'confirmed_re_trafficking',
  'contact_lost',
  'death_or_serious_harm',
  'declined_follow_up',
] as const;
export type OutcomeCode = (typeof outcomeCodes)[number];

/**
 * Age at assessment in full years. Bands follow the protection thresholds the instrument uses
 * (under 18, the 18–21 transition, young adults to 25) and are wide enough above that to keep
 * cells from being small.
 */
export const ageBands = ['under_14', '14_17', '18_20', '21_24', '25_34', '35_plus'] as const;
export type AgeBand = (typeof ageBands)[number];

/** Every single-valued variable has this category, so its categories always add up to the total. */
export const NOT_RECORDED = 'not_recorded';

export const followUpStatuses = ['declined_at_assessment', 'declined_later', 'contact_lost', 'in_contact', 'no_checks'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/**
 * A variable of the export. `single`: every case has exactly one category (so categories add up
 * to the total); `multi`: a case may have several or none (a flag, an exploitation type, an
 * outcome), so only the other axis of a table adds up.
 */
export interface Variable {
  id: string;
  kind: 'single' | 'multi';
  /** Every category a file may use: a closed list, so no free text can pass as a category. */
  categories: readonly string[];
  /**
   * `all`: a table shows every category (zeros included); `observed`: only those with a case
   * (long lists: countries, rule codes, versions, and every multi-valued variable).
   */
  show: 'all' | 'observed';
}

const recommendationsList = ['no_impediment', 'proceed_with_conditions', 'defer', 'not_recommended', NOT_RECORDED] as const;
const ratingList = ['low', 'medium', 'high', 'very_high'] as const;
const flagCodes = stableRules.map((r) => r.code);

const v = (id: string, kind: Variable['kind'], categories: readonly string[], show?: Variable['show']): Variable =>
  ({ id, kind, categories, show: show ?? (kind === 'single' ? 'all' : 'observed') });

/** Breakdowns: the columns of every table. `all` is the single column of a table's overall figures. */
export const dimensions = [
  v('all', 'single', ['all']),
  v('instrument_version', 'single', mappedVersions.map((x) => `${x.id}@${String(x.version)}`), 'observed'),
  v('route', 'single', ['independent', 'state_avr', 'assisted_ngo', 'enforced_removal', 'deportation', 'refused_entry', NOT_RECORDED]),
  v('age_band', 'single', [...ageBands, NOT_RECORDED]),
  v('gender', 'single', ['woman', 'man', 'non_binary', 'self_described', NOT_RECORDED]),
  v('nationality', 'single', [...returnCountries, 'other_citizenship', 'stateless', NOT_RECORDED], 'observed'),
  v('return_region', 'single', [...returnRegions, NOT_RECORDED]),
  v('exploitation_type', 'multi', [
    'sexual', 'forced_labour', 'domestic_servitude', 'criminal_cannabis', 'criminal_drug_running', 'criminal_other',
    'forced_begging', 'institution', 'forced_marriage', 'other', NOT_RECORDED,
  ]),
  v('initial_rating', 'single', ratingList),
  v('override', 'single', ['none', 'active', 'lapsed', 'invalid']),
] as const;

const followUpCategories = ['checked', ...outcomeCodes] as const;

/** Measures: the rows of every table. */
export const measures = [
  v('recommendation', 'single', recommendationsList),
  v('overall_rating', 'single', ratingList),
  v('assessor_rating', 'single', [...ratingList, NOT_RECORDED]),
  v('override_state', 'single', ['none', 'active', 'lapsed', 'invalid']),
  v('signoff_state', 'single', ['not_ready', 'ready', 'signed', 'pending_recheck']),
  v('flag', 'multi', flagCodes),
  v('flag_overridden', 'multi', flagCodes),
  v('followup_status', 'single', followUpStatuses),
  ...checkPoints.map((p) => v(`followup_${p}`, 'multi', followUpCategories)),
  v('followup_any', 'multi', outcomeCodes),
] as const;

/** A measure and a breakdown that are the same fact are not crossed (rating by rating). */
export const sameFact: Readonly<Record<string, string>> = { overall_rating: 'initial_rating', override_state: 'override' };

const byId = new Map<string, Variable>([...dimensions, ...measures].map((x) => [x.id, x]));

export function variable(id: string): Variable | undefined {
  return byId.get(id);
}

export function allowsCategory(variableId: string, category: string): boolean {
  const found = byId.get(variableId);
  if (!found || category.length > 80) return false;
  return found.categories.includes(category);
}
