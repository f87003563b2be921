/**
 * Every key the engine can emit in a Reason or FieldError (namespace `engine`), so a test
 * can prove locales/en/engine.json has them all. Keys with a `count` parameter are plural:
 * the locale holds `<key>_one` and `<key>_other`.
 */
import { confidenceLevels, nextSteps } from '../instrument/schema';

export const engineMessageKeys = [
  'rating.none',
  'rating.none_incomplete',
  'rating.none_unconfirmed',
  'rating.not_applicable',
  'rating.not_assessed',
  'rating.minor',
  'rating.risk',
  'rating.risk_many',
  'rating.esc',
  'rating.stop',
  'rating.stop_overridden',
  'rating.cumulative',
  'rating.overall',
  'confidence.none',
  'confidence.moderate',
  'confidence.low',
  'confidence.unreliable',
  'confidence.not_assessed',
  'gating.stop',
  'gating.hard_stop',
  'gating.override_not_holding',
  'gating.open_flags',
  'gating.overridden_stop',
  'gating.escalation',
  'gating.uncovered_risk',
  'gating.unknown_stop_items',
  'gating.incomplete',
  'override.incomplete',
  'override.malformed',
  'override.no_rules',
  'override.not_a_stop',
  'override.hard',
  'override.role',
  'override.date',
  'override.same_as_assessor',
  'override.lapsed_changed',
  'override.lapsed_new_stop',
  'signoff.incomplete',
  'signoff.invalid_answers',
  'signoff.no_recommendation',
  'signoff.recommendation_blocked',
  'signoff.no_judgement',
  'signoff.supervisor_review',
  'signoff.supervisor_is_assessor',
  'signoff.multi_agency_review',
  'signoff.mitigation',
  'signoff.uncovered',
  'signoff.lapsed_changed',
  'signoff.lapsed_departure',
  'signoff.lapsed_new_flag',
  'signoff.lapsed_age',
  'signoff.date_invalid',
  'signoff.departure_unknown',
  'signoff.departure_past',
  'signoff.judgement_below_computed',
  'signoff.stale_mitigation',
  'validation.type',
  'validation.option',
  'validation.min',
  'validation.max',
  'validation.date',
  'validation.required_column',
  'validation.language_needed',
  'validation.translation_needed',
  'validation.too_long',
  'validation.unknown_not_allowed',
  'validation.unknown_flag',
] as const;
export type EngineMessageKey = (typeof engineMessageKeys)[number];

export const pluralMessageKeys: readonly EngineMessageKey[] = [
  'rating.none_incomplete', 'rating.minor', 'rating.risk', 'rating.risk_many', 'rating.esc', 'rating.stop', 'rating.stop_overridden', 'rating.cumulative',
  'confidence.moderate', 'confidence.low', 'confidence.unreliable',
  'gating.stop', 'gating.hard_stop', 'gating.open_flags', 'gating.overridden_stop', 'gating.escalation', 'gating.uncovered_risk',
  'gating.unknown_stop_items', 'gating.incomplete', 'signoff.incomplete', 'signoff.invalid_answers', 'signoff.uncovered', 'signoff.lapsed_changed',
  'signoff.lapsed_departure', 'signoff.lapsed_new_flag', 'signoff.lapsed_age', 'signoff.stale_mitigation',
];

/** Labels the screens and the summary need beside the reasons: next steps, confidence levels, sign-off states. */
export const engineLabelKeys: readonly string[] = [
  ...nextSteps.map((n) => `next.${n}`),
  'confidence.label',
  // In place of a rating level where the assessment was refused (rating.not_assessed).
  'rating.label.not_assessed',
  ...confidenceLevels.map((l) => `confidence.level.${l}`),
  ...['not_ready', 'ready', 'signed', 'pending_recheck'].map((s) => `signoff.state.${s}`),
];

/** Content keys naming items (their questions) in a Reason's `contentLists`. */
export const itemLabelKeys = (codes: readonly string[]): string[] => codes.map((code) => `item.${code}.label`);
/** Content keys naming rules (their reasons) in a Reason's `contentLists`. */
export const ruleReasonKeys = (ids: readonly string[]): string[] => ids.map((id) => `rule.${id}.reason`);
