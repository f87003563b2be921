export { NewPassphraseFields, type NewPassphraseFieldsProps } from './new-passphrase-fields';
export { readFormField } from './read-form-field';
export { useSecondsUntil } from './use-seconds-until';
export { SlowSubmit, type SlowSubmitProps } from './slow-submit';
