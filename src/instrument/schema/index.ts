export * from './answer-types';
export * from './answers';
export * from './condition';
export * from './instrument';
export { parseInstrument, InstrumentError } from './validate';
export { describeCondition } from './describe';
export { forwardVisibilityDependencies } from './order';
export { gatewaysOf, itemsRead, itemsTestedWith, visibilityConditions } from './reads';
export { stopRelevantItems } from './validate-coverage';
