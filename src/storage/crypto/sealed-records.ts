/**
 * WARNING: the list of every record sealed under the data key. A data key rotation re-seals
 * exactly what is listed here and then destroys the old key: a sealed field missing from this
 * list would become unreadable for good. Adding a sealed table or field means adding it here
 * (sealed-records.test.ts fails for a table of the database that is neither listed here nor
 * declared plaintext).
 *
 * Each entry says, for a raw row, which fields are sealed and with which additional data
 * (record id and schema), exactly as the table's repository opens them. A field that is not a
 * well-formed envelope (a plaintext draft from before encryption, a damaged value) is not
 * listed: no key opens it, so re-sealing cannot help and dropping a key cannot hurt it.
 */
import { authorityContexts, identityContexts } from '../repositories/identities';
import { trustedRootRecordId } from '../repositories/trusted-roots';
import { receivedRecordId } from '../repositories/received';
import { caseLinkRecordId } from '../repositories/case-links';
import { agreementKeyContexts } from '../repositories/agreement-keys';
import { addressBookRecordId } from '../repositories/address-book';
import { orgKitRecordId } from '../repositories/org-kit';
import { generationOf, type EnvelopeContext } from './envelope';

export type SealedTableName = 'drafts' | 'identities' | 'trustedRoots' | 'orgAuthority' | 'received' | 'caseLinks' | 'agreementKeys' | 'addressBook' | 'orgKit';

/** Tables whose rows hold nothing sealed under the data key (settings are never personal; the keyring holds wrapped keys). */
export const PLAINTEXT_TABLES: readonly string[] = ['settings', 'keyring'];

export interface SealedField {
  field: 'data' | 'key';
  context: EnvelopeContext;
  stored: unknown;
}

export interface SealedTable {
  name: SealedTableName;
  /** The sealed fields of a raw row, with the additional data its repository uses; [] if none. */
  fields(row: unknown): SealedField[];
}

function record(row: unknown): Record<string, unknown> | undefined {
  return typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : undefined;
}

/** The fields of `row` that are envelopes, each with its context (id and schema as the row states them). */
function envelopes(row: unknown, contexts: (id: string, schema: number) => Partial<Record<SealedField['field'], EnvelopeContext>>): SealedField[] {
  const values = record(row);
  const id = values?.id;
  const schema = values?.schema;
  if (!values || typeof id !== 'string' || typeof schema !== 'number' || !Number.isSafeInteger(schema)) return [];
  const out: SealedField[] = [];
  for (const [field, context] of Object.entries(contexts(id, schema)) as [SealedField['field'], EnvelopeContext][]) {
    if (generationOf(values[field]) !== undefined) out.push({ field, context, stored: values[field] });
  }
  return out;
}

export const SEALED_TABLES: readonly SealedTable[] = [
  // Drafts: the codec binds `data` to the row's id and record schema (codec.ts).
  { name: 'drafts', fields: (row) => envelopes(row, (id, schema) => ({ data: { recordId: id, schemaVersion: schema } })) },
  // Identities and the organisation authority: `data` and the sealed PKCS#8 `key` (repositories/identities.ts).
  { name: 'identities', fields: (row) => envelopes(row, (id) => identityContexts(id)) },
  { name: 'trustedRoots', fields: (row) => envelopes(row, (id, schema) => ({ data: { recordId: trustedRootRecordId(id), schemaVersion: schema } })) },
  { name: 'orgAuthority', fields: (row) => envelopes(row, (id) => authorityContexts(id)) },
  // Received files and case links: `data` bound to `received:<id>` / `case-link:<id>` and the schema (repositories/sealed-store.ts).
  { name: 'received', fields: (row) => envelopes(row, (id, schema) => ({ data: { recordId: receivedRecordId(id), schemaVersion: schema } })) },
  { name: 'caseLinks', fields: (row) => envelopes(row, (id, schema) => ({ data: { recordId: caseLinkRecordId(id), schemaVersion: schema } })) },
  // Since version 5: key-agreement keys (`data` and the sealed PKCS#8 `key`), the address book and the organisation kit.
  { name: 'agreementKeys', fields: (row) => envelopes(row, (id) => agreementKeyContexts(id)) },
  { name: 'addressBook', fields: (row) => envelopes(row, (id, schema) => ({ data: { recordId: addressBookRecordId(id), schemaVersion: schema } })) },
  { name: 'orgKit', fields: (row) => envelopes(row, (id, schema) => ({ data: { recordId: orgKitRecordId(id), schemaVersion: schema } })) },
];
