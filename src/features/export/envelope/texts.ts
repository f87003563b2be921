import type { TFunction } from 'i18next';
import { EnvelopeError } from '../../../export/envelope/errors';
import { isRole } from '../../../case/roles';
import { EncryptionServiceError } from './service-errors';

/** A role's name in the UI language; a role code Homeward does not know is shown as written. */
export function envelopeRoleLabel(t: TFunction<'envelope'>, role: string): string {
  if (role === '') return t('recipient.noRole');
  return isRole(role) ? t(`role.${role}`) : role;
}

/** The translated reason an action or a file was refused (envelope.json: refused.*, problem.*). */
export function envelopeReason(t: TFunction<'envelope'>, error: unknown): string {
  if (error instanceof EnvelopeError) return t(`refused.${error.reason}`);
  if (error instanceof EncryptionServiceError) return t(`problem.${error.reason}`);
  return t('problem.unexpected');
}
