/**
 * Signing identities (issue 3): the caseworker's identity, the organisation certificate authority
 * without a server, and the trusted organisation roots. Certificate work (pkijs) is loaded on
 * first use, so nothing here adds to the first screen's JavaScript.
 */
import type { SigningIdentity } from '../../../storage';

export { IdentitySettingsSection } from './identity-settings-section';

/** The active signing identity, or a new self-signed one ("not verified by the organisation"). */
export async function ensureSigningIdentity(input: { name: string; organisation: string; role: string }): Promise<SigningIdentity> {
  const { identityService } = await import('./identity-service');
  return identityService.ensureSigningIdentity(input);
}

/** The organisation a verified identity's root names, or null while it is self-declared. */
export async function identityVerifiedBy(identity: SigningIdentity): Promise<string | null> {
  const { verifiedBy } = await import('./identity-service');
  return verifiedBy(identity);
}
