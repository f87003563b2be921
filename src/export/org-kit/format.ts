// WARNING: the organisation kit's format (docs/organisation-kit.md). Append only: a kit made by one
// version of Homeward must read in every later one, and a reader refuses versions it does not know.
import { z } from '../../instrument/schema/zod';
import { roles } from '../../case/roles';

/** The outer file: the signed content and its detached CMS signature, both base64. */
export const KIT_FILE_MARKER = 'homewardOrganisationKit';
export const KIT_FORMAT = 'homeward-organisation-kit';
export const KIT_VERSION = 1;

/** A kit is a few certificates and settings; anything bigger is not one. */
export const KIT_LIMITS = { fileBytes: 256 * 1024, trustedRoots: 20, recipients: 200, pemChars: 8 * 1024 } as const;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
export const kitFileSchema = z.strictObject({ [KIT_FILE_MARKER]: z.literal(KIT_VERSION), content: base64.min(1), signature: base64.min(1) });

const pem = z.string().max(KIT_LIMITS.pemChars).regex(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n?$/);
const minutes = z.number().int().min(2).max(30);

export const kitContentSchema = z.strictObject({
  format: z.literal(KIT_FORMAT),
  version: z.literal(KIT_VERSION),
  organisation: z.string().trim().min(1).max(200),
  issuedAt: z.iso.datetime(),
  /** The roles this organisation's people hold (codes of src/case/roles.ts). */
  roles: z.array(z.enum(roles)).min(1).max(roles.length).refine((list) => new Set(list).size === list.length, 'roles repeat'),
  /** Roots to trust: the organisation's own and its partners'. */
  trustedRoots: z.array(pem).max(KIT_LIMITS.trustedRoots),
  /** Recipients' encryption certificates, for the address book. */
  recipients: z.array(pem).max(KIT_LIMITS.recipients),
  policy: z.strictObject({
    /** Days after return when a follow-up is due, ascending. */
    followUpDays: z.array(z.number().int().min(1).max(730)).min(1).max(12).refine((days) => days.every((day, i) => i === 0 || day > (days[i - 1] ?? 0)), 'follow-up days must ascend'),
    /** The range a device may set its idle lock in, minutes. */
    idleLock: z.strictObject({ minMinutes: minutes, maxMinutes: minutes }).refine((range) => range.minMinutes <= range.maxMinutes, 'idle lock range is empty'),
  }),
});

export type KitContent = z.infer<typeof kitContentSchema>;
