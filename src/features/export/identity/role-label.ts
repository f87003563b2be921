import type { TFunction } from 'i18next';
import { isRole, roles, type Role } from '../../../case/roles';

export { roles, type Role };

/** A role's name in the UI language; free text from an identity made before roles were coded is shown as it is. */
export function roleLabel(t: TFunction<'identity'>, role: string): string {
  return isRole(role) ? t(`role.${role}`) : role;
}
