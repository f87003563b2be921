/** The instrument layer: the schema, and the registry of shipped versions. */
export * from './schema';
export { registry, getInstrument, getUpgrade, contentNamespace, CURRENT, type InstrumentEntry } from './registry';
