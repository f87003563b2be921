/**
 * App settings: small, typed, and free of personal data, so they stay outside the
 * encryption envelope and can be read before the caseworker unlocks (e.g. the UI language
 * of the unlock screen). Never add anything about a person or a case here.
 *
 * One row per setting. A row that fails validation falls back to its default: a bad
 * preference must never stop the app from starting.
 */
import { z } from '../../instrument/schema/zod';
import { settingRowSchema } from '../records';
import type { DbSource } from './drafts';

export const settingsSchema = z.strictObject({
  /** BCP 47 code of the interface language; null = follow the browser. */
  uiLanguage: z.string().min(1).nullable(),
  /** Minutes without use before the app locks itself (this device); absent = the app's default. */
  idleLockMinutes: z.number().int().min(2).max(30).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Readonly<Settings> = { uiLanguage: null };

const patchSchema = settingsSchema.partial();

export interface SettingsRepository {
  get(): Promise<Settings>;
  /** Validates and writes the given settings in one transaction; resolves to all settings. */
  set(patch: Partial<Settings>): Promise<Settings>;
}

export function createSettingsRepository(source: DbSource): SettingsRepository {
  const db = typeof source === 'function' ? source : () => source;

  async function get(): Promise<Settings> {
    const rows: unknown[] = await db().settings.toArray();
    const merged: Record<string, unknown> = { ...defaultSettings };
    for (const raw of rows) {
      const row = settingRowSchema.safeParse(raw);
      if (!row.success || row.data.value === undefined) continue;
      // Validated one key at a time (unknown keys fail: the schema is strict), so one bad
      // row costs one setting, not all of them.
      if (patchSchema.safeParse({ [row.data.key]: row.data.value }).success) merged[row.data.key] = row.data.value;
    }
    return settingsSchema.parse(merged);
  }

  return {
    get,
    async set(patch) {
      const checked = patchSchema.parse(patch);
      const rows = Object.entries(checked)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => ({ key, value }));
      const database = db();
      await database.transaction('rw', database.settings, () => database.settings.bulkPut(rows));
      return get();
    },
  };
}
