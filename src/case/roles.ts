/**
 * The roles a signing identity can hold. The organisation's certificate names the role (subject
 * title, vouched for by the root that issued it), so what a signature may decide depends on the
 * role the organisation gave its signer, not on what anyone typed.
 */
export const roles = ['caseworker', 'supervisor', 'legal_adviser', 'service_manager', 'partner', 'other'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** A stored role (a code, or free text from identities made before roles were coded) as a code. */
export function roleOf(value: string): Role {
  const trimmed = value.trim().toLowerCase().replace(/\s+/g, '_');
  return isRole(trimmed) ? trimmed : 'other';
}
