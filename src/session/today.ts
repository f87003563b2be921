/** The local calendar date as ISO yyyy-mm-dd: the assessment date passed to the engine as `now`. */
export function todayIso(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
