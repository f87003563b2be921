/** The engine's result types: the contract between the engine, the wizard, the review and the export. */
import type {
  AnswerValue, Domain, FlagLevel, Recommendation,
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
  /** a complete written override by a senior reviewer is recorded */
  overrideActive: boolean;
}

export interface SignOff {
  ready: boolean;
  blockers: Reason[];
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
  /** the caseworker's own judgement, shown beside the computed one */
  assessorRating: RatingLevel | null;
  recommendations: Gating;
  /** the chosen recommendation, if any, and whether the gating allows it */
  chosen: { recommendation: Recommendation | null; allowed: boolean };
  signOff: SignOff;
  errors: FieldError[];
}
