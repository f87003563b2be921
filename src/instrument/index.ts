/** The instrument layer: the schema, and the registry of shipped versions. */
export * from './schema';
export { registry, getInstrument, getFollowUpInstrument, getUpgrade, contentNamespace, kindOf, CURRENT, type InstrumentEntry, type InstrumentKind } from './registry';
