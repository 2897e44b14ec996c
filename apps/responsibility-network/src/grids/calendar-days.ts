/** The calendar day before a YYYY-MM-DD day. */
export function previousDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** True when a dated term [from, to] (to null: open-ended) includes the day. YYYY-MM-DD compares as text. */
export function termIncludes(term: { from: string; to: string | null }, day: string): boolean {
  return term.from <= day && (term.to === null || term.to >= day);
}
