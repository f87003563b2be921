/** The text value of one named field of a form, or '' (files and missing fields read as ''). */
export function readFormField(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}
