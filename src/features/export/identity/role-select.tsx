import { forwardRef, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabel, roles } from './role-label';

/**
 * The role a signing identity asks for. The organisation's certificate names it, and it decides
 * what that person's signatures may decide (src/case/roles.ts), so it is a choice, not free text.
 */
export const RoleSelect = forwardRef<HTMLSelectElement, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'>>(function RoleSelect(props, ref) {
  const { t } = useTranslation('identity');
  return (
    <select {...props} ref={ref}>
      <option value="">{t('role.choose')}</option>
      {roles.map((role) => (
        <option key={role} value={role}>
          {roleLabel(t, role)}
        </option>
      ))}
    </select>
  );
});
