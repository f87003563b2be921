export * from './answer-types';
export * from './answers';
export * from './condition';
export * from './instrument';
export { parseInstrument, InstrumentError } from './validate';
export { describeCondition } from './describe';
export { forwardVisibilityDependencies } from './order';
