/** Shared, generic UI primitives. They know nothing of drafts, instruments or i18n. */
export { Button, type ButtonProps, type ButtonVariant } from './button';
export { Dialog, DialogLead, type DialogProps } from './dialog';
export { Field, type FieldProps, type FieldControlProps } from './field';
export { StatusMessage, type StatusMessageProps, type StatusTone } from './status-message';
