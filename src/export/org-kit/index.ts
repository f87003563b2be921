/**
 * The organisation kit (issue 15, item 8): one signed file that sets a device up for an
 * organisation (name, roles, trusted roots, recipients' certificates, policy). See
 * docs/organisation-kit.md. Loads pkijs: import it lazily from screens.
 */
export { makeKit, readKit, KitError, type KitReason, type KitSigner, type VerifiedKit } from './kit';
export { KIT_LIMITS, type KitContent } from './format';
