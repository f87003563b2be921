/**
 * WARNING: keeps the certificates files may be encrypted to. A regression here can lose a
 * recipient, or keep one twice under different names.
 *
 * Each entry is a recipient's encryption certificate (PEM) and when it was added, sealed under the
 * data key (sealed-store.ts: it names people and organisations). Whether an entry may still be
 * used (trusted root, validity, profile) is decided afresh each time (src/export/envelope), never
 * stored. The same certificate added twice is kept once (compared by SHA-256 of the PEM's DER,
 * given by the caller).
 */
import { z } from '../../instrument/schema/zod';
import type { DataKeySource } from '../crypto/session';
import type { DbSource } from './drafts';
import { createSealedStore } from './sealed-store';

export const ADDRESS_BOOK_RECORD_SCHEMA = 1;

const dataSchema = z.strictObject({
  certificatePem: z.string().min(1).max(64 * 1024),
  /** Hex SHA-256 of the certificate's DER. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  addedAt: z.string().min(1),
});
export type AddressBookEntry = z.infer<typeof dataSchema> & { readonly id: string };

export interface AddressBookRepository {
  /** Every readable entry (oldest first) and the ids of rows that cannot be read (kept). */
  list(): Promise<{ entries: AddressBookEntry[]; unreadable: string[] }>;
  /** Keeps a certificate; the same fingerprint again returns the entry already kept. */
  add(certificatePem: string, fingerprint: string): Promise<AddressBookEntry>;
  remove(id: string): Promise<void>;
}

export const addressBookRecordId = (id: string) => `address-book:${id}`;

export function createAddressBookRepository(source: DbSource, session: DataKeySource, options: { now?: () => Date; newId?: () => string } = {}): AddressBookRepository {
  const { now = () => new Date(), newId = () => crypto.randomUUID() } = options;
  const store = createSealedStore(source, session, (db) => db.addressBook, addressBookRecordId, ADDRESS_BOOK_RECORD_SCHEMA, dataSchema);

  async function list(): Promise<{ entries: AddressBookEntry[]; unreadable: string[] }> {
    const { records, unreadable } = await store.inspect();
    const entries = records.map(({ id, value }) => ({ id, ...value }));
    entries.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
    return { entries, unreadable };
  }

  return {
    list,
    async add(certificatePem, fingerprint) {
      const existing = (await list()).entries.find((entry) => entry.fingerprint === fingerprint);
      if (existing) return existing;
      const id = newId();
      const data = { certificatePem, fingerprint, addedAt: now().toISOString() };
      await store.put(id, data);
      return { id, ...data };
    },
    remove: (id) => store.remove(id),
  };
}
