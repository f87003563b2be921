/**
 * Every key the engine can emit in a Reason or FieldError (namespace `engine`), so a test
 * can prove locales/en/engine.json has them all. Keys with a `count` parameter are plural:
 * the locale holds `<key>_one` and `<key>_other`.
 */
export const engineMessageKeys = [
  'rating.none',
  'rating.none_incomplete',
  'rating.not_applicable',
  'rating.risk',
  'rating.risk_many',
  'rating.esc',
  'rating.stop',
  'rating.cumulative',
  'gating.stop',
  'gating.open_flags',
  'gating.incomplete',
  'signoff.incomplete',
  'signoff.invalid_answers',
  'signoff.no_recommendation',
  'signoff.recommendation_blocked',
  'signoff.no_judgement',
  'signoff.supervisor_review',
  'signoff.mitigation',
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
] as const;
export type EngineMessageKey = (typeof engineMessageKeys)[number];

export const pluralMessageKeys: readonly EngineMessageKey[] = [
  'rating.none_incomplete', 'rating.risk', 'rating.risk_many', 'rating.esc', 'rating.stop', 'rating.cumulative',
  'gating.stop', 'gating.open_flags', 'gating.incomplete', 'signoff.incomplete', 'signoff.invalid_answers',
];
