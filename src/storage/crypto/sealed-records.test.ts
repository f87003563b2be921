/**
 * The rotation re-seals exactly what sealed-records.ts lists, then destroys the old key: a
 * sealed table or field missing from the list would be lost. These tests fail when a table is
 * added to the database without being listed (sealed or plaintext), or when a repository stores
 * an envelope in a field the list does not name.
 */
import { describe, expect, it } from 'vitest';
import { devicesClosedAfterEach, OLD_PASSPHRASE, populate } from '../../../tests/helpers/sealed-device';
import { generationOf, openBytes } from './envelope';
import { PLAINTEXT_TABLES, SEALED_TABLES } from './sealed-records';

const aDevice = devicesClosedAfterEach();

describe('the list of sealed records', () => {
  it('names every table of the database, as sealed or as plaintext', () => {
    const device = aDevice();
    const listed = [...SEALED_TABLES.map((t) => t.name), ...PLAINTEXT_TABLES].sort();
    expect(device.db.tables.map((t) => t.name).sort()).toEqual(listed);
  });

  it('finds every envelope the repositories store, with the additional data that opens it', async () => {
    const device = aDevice();
    const page = device.page();
    await page.session.setup(OLD_PASSPHRASE);
    await populate(page, 2);
    const keys = (generation: number) => page.session.readKey(generation);
    let found = 0;
    for (const table of SEALED_TABLES) {
      const rows: unknown[] = await device.db.table(table.name).toArray();
      expect(rows.length, table.name).toBeGreaterThan(0);
      for (const row of rows) {
        const envelopes = Object.entries(row as Record<string, unknown>).filter(([, value]) => generationOf(value) !== undefined).map(([name]) => name);
        const fields = table.fields(row);
        expect(fields.map((f) => f.field).sort(), table.name).toEqual(envelopes.sort());
        for (const field of fields) {
          await expect(openBytes(keys, field.stored, field.context), `${table.name}.${field.field}`).resolves.toBeInstanceOf(Uint8Array);
          found += 1;
        }
      }
    }
    // 2 drafts, an identity, the authority and an agreement key (data + key each), a root, a received file, a case link, an address book entry, a kit.
    expect(found).toBe(13);
    for (const name of PLAINTEXT_TABLES) {
      const rows: unknown[] = await device.db.table(name).toArray();
      for (const row of rows) expect(Object.values(row as Record<string, unknown>).some((value) => generationOf(value) !== undefined), name).toBe(false);
    }
  });

  it('leaves out what no key opens anyway: plaintext drafts from before encryption, rows without an id', () => {
    const [drafts] = SEALED_TABLES;
    expect(drafts?.fields({ id: 'd1', schema: 1, data: { caseRef: 'plain', answers: {} } })).toEqual([]);
    expect(drafts?.fields({ schema: 1, data: { v: 1, iv: new Uint8Array(12), ct: new Uint8Array(16) } })).toEqual([]);
    expect(drafts?.fields(null)).toEqual([]);
  });
});
