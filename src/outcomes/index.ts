/**
 * Anonymised outcome data (issue 17 item 5): aggregate counts of assessments and follow-up
 * outcomes, with small cells withheld so that none can be worked out from the totals, and the
 * pooling of several organisations' exports. Pure: no DOM, storage or clock.
 */
export * from './codes';
export { caseFacts, ageBand, OutcomeInputError, type OutcomeCase, type CaseFacts } from './facts';
export { followUpCheckSchema, type FollowUpCheck } from './follow-up';
export { aggregate, type AggregateOptions, type AggregateResult } from './aggregate';
export { outcomeExportSchema, FORMAT, FORMAT_VERSION, limits, type OutcomeExport, type OutcomeTable } from './export-format';
export { suppress, MIN_THRESHOLD, SuppressionError, type Suppression } from './suppress';
export { recoverableCells, type Equation } from './audit';
export { stableRules, stableRuleCode, type StableRule } from './stable-rules';
export { returnRegion, returnRegions } from './regions';
export { readExport, ExportFileError, type CellValues } from './read-export';
export { pool, type PoolInput } from './pool';
