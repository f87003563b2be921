/**
 * The engine's only import surface. Pure TypeScript: no DOM, React, Dexie or i18n runtime.
 * README.md beside this file states the contract.
 */
export { assess, validateSection } from './assess';
export { evaluateCondition, visibleItemCodes } from './visibility';
export { isAnswered, isUnknownAnswer } from './answered';
export { validateAnswer, MAX_TEXT } from './validation';
export { engineLabelKeys, engineMessageKeys, pluralMessageKeys, type EngineMessageKey } from './messages';
export { overrideRecord, signOffRecord, type OverrideInput, type SignOffRecordInput } from './records';
export { readsOf, sameName } from './override';
export { flagIdsOf, needsCoverage } from './mitigation';
export { CUMULATIVE_DOMAINS, RISK_MANY } from './scoring';
export * from './types';
export { upgradeAnswers, type UpgradeResult } from './upgrade';
export { reasonText, type ReasonTranslate } from './reason-text';
export { assessFollowUp, planFromAssessment, type FollowUpAlert, type FollowUpOptions, type FollowUpPlan, type FollowUpResult, type PlanAction } from './follow-up';
export type { FollowUpScores, OutcomeValue, Score } from './follow-up-outcomes';
