/** The engine's result types: the contract between the engine, the wizard, the review and the export. */
import type {
  AnswerValue, ConfidenceLevel, Domain, FlagLevel, NextStep, Recommendation, ReviewRoute, Severity,
} from '../instrument/schema';

export interface AssessOptions {
  /** The moment of assessment (ISO date or date-time). Ages and date windows are computed from it. */
  now: string;
}

/** A translatable explanation: an i18n key in the `engine` namespace plus its parameters. */
export interface Reason {
  key: string;
  params?: Record<string, string | number>;
  /**
   * Where the key lives: 'engine' (default) is the `engine` namespace; 'instrument' is the
   * instrument version's own content namespace (e.g. signOffRequires reasons).
   */
  source?: 'engine' | 'instrument';
  /**
   * Parameters that are lists of keys of the same namespace (e.g. area names): translate each,
   * join them as the language joins a list, and pass the result as the parameter of that name.
   */
  lists?: Record<string, string[]>;
  /**
   * Parameters that name items or rules of the instrument, as keys of its content namespace
   * (`item.<code>.label`, `rule.<id>.reason`): a reader translates each and joins them as the
   * language joins a list, in place of the codes `params` carries for logs and tests.
   */
  contentLists?: Record<string, string[]>;
}

export interface AnswerRef {
  code: string;
  answer: AnswerValue | undefined;
}

export interface Flag {
  ruleId: string;
  level: FlagLevel;
  domain: Domain;
  /** section holding the first item of the rule */
  section: string;
  source: string;
  /** the answers that produced the flag */
  items: AnswerRef[];
  /** true when raised because a STOP item was answered unknown or declined */
  viaUnknown: boolean;
  /** the STOP rule's own level when viaUnknown (the flag's level is then ESC or STOP) */
  ruleLevel: FlagLevel;
  /** a STOP no override lifts (only a new answer or determination clears it) */
  hard: boolean;
  /** the area rating this flag alone sets (a process-quality flag sets none: it lowers confidence) */
  severity: Severity;
  /** who must review it before sign-off */
  review: ReviewRoute;
  /** what to do next, or null where the instrument names nothing */
  next: NextStep | null;
  /** the cap it puts on the confidence in the assessment, or null */
  confidence: Exclude<ConfidenceLevel, 'high'> | null;
  /** a STOP lifted by an active override that names it */
  overridden: boolean;
  /** answered by a complete mitigation row naming it: a measure, or for a RISK or ESC an accepted risk */
  covered: boolean;
}

export const ratingLevels = ['low', 'medium', 'high', 'very_high'] as const;
export type RatingLevel = (typeof ratingLevels)[number];

export interface Rating {
  level: RatingLevel;
  /** rule ids of the flags that produced the rating, worst first */
  flags: string[];
  counts: Record<FlagLevel, number>;
  /**
   * Required answers still missing in this area's sections. A "low" with answers missing is
   * not a finding of low risk, and its explanation says so (rating.none_incomplete).
   */
  missing: number;
  /** e.g. { key: 'rating.stop', params: { count: 1 } } */
  explanation: Reason;
  /** overall only: the areas at the overall level that drive it */
  drivers?: Domain[];
}

/** How far the assessment can be relied on; null when the instrument has no process-quality rules. */
export interface Confidence {
  level: ConfidenceLevel;
  /** the rule ids that lower it, worst first */
  flags: string[];
  explanation: Reason;
}

export type SectionStatus = 'done' | 'in_progress' | 'not_started' | 'hidden';

export interface SectionProgress {
  code: string;
  visible: boolean;
  status: SectionStatus;
  /** visible required items */
  required: number;
  answered: number;
  missing: string[];
  flags: Record<FlagLevel, number>;
}

export interface BlockedRecommendation {
  recommendation: Recommendation;
  reasons: Reason[];
}

export interface Gating {
  allowed: Recommendation[];
  blocked: BlockedRecommendation[];
  /** a complete written override by a senior reviewer is recorded (and, where it names rules, still holds) */
  overrideActive: boolean;
}

export type OverrideState = 'none' | 'active' | 'lapsed' | 'invalid';

/** The written override of STOP rules, as the engine judges it today. */
export interface OverrideStatus {
  state: OverrideState;
  /** the rules it names (every STOP, for an instrument whose override names none) */
  rules: string[];
  /** the standing STOP rules it lifts now */
  lifted: string[];
  /** why it does not hold: invalid (who, role, date, rules) or lapsed (answers changed, a new STOP) */
  problems: Reason[];
}

/**
 * not_ready: something blocks sign-off; ready: it may be signed off now; signed: signed off and
 * still current; pending_recheck: signed off, but a STOP-relevant answer changed afterwards or
 * departure is too long after sign-off, so it must be re-checked and signed again.
 */
export type SignOffState = 'not_ready' | 'ready' | 'signed' | 'pending_recheck';

export interface SignOff {
  ready: boolean;
  blockers: Reason[];
  state: SignOffState;
  /** the recorded sign-off's date, if any */
  signedOn: string | null;
  /** each STOP-relevant item's last confirmation with the person (from the sign-off record) */
  confirmations: { item: string; date: string }[];
  /** STOP-relevant items whose answer differs from the one signed off */
  changedSince: string[];
}

export interface FieldError {
  item: string;
  /** i18n key in the `engine` namespace, e.g. 'validation.option' */
  key: string;
  params?: Record<string, string | number>;
  row?: number;
  column?: string;
}

export interface AssessmentResult {
  instrument: { id: string; version: number };
  now: string;
  profile: { isChild: boolean; isYoungAdult: boolean };
  visibleSections: string[];
  visibleItems: string[];
  missing: { section: string; item: string }[];
  sections: SectionProgress[];
  flags: Flag[];
  ratings: Record<Domain, Rating>;
  overall: Rating;
  /** confidence in the assessment itself (interview quality), beside the rating; null if not assessed */
  confidence: Confidence | null;
  /** the override of STOP rules and whether it holds */
  override: OverrideStatus;
  /** the caseworker's own judgement, shown beside the computed one */
  assessorRating: RatingLevel | null;
  recommendations: Gating;
  /** the chosen recommendation, if any, and whether the gating allows it */
  chosen: { recommendation: Recommendation | null; allowed: boolean };
  signOff: SignOff;
  errors: FieldError[];
}
