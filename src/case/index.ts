/**
 * The case module's only import surface (README.md beside this file states the contract). Pure:
 * no DOM, React, Dexie, pdf-lib or i18n runtime, like the engine.
 */
export { caseState, withoutDecisions, type CaseOptions } from './state';
export { readEmbedded, type EmbeddedAssessment, type AssessmentProblem } from './assessment';
export { formatDecisionReason, parseDecisionReason, DecisionError, MAX_COMMENTS, MAX_HANDOVER_FIELD, PREPARED_REASON, type Decision, type DecisionKind, type Handover } from './decision';
export { isRole, roleOf, roles, type Role } from './roles';
export type { CaseFile, CaseReport, CaseSignature, CaseState, CaseStateKind, DecisionEntry, IgnoredBecause } from './types';
export { groupCases, versionChanges, type CaseCopy, type CaseVersion, type ReceivedCase, type ReceivedInput, type VersionChanges } from './versions';
export { awaitsDecisionFrom } from './awaiting';
