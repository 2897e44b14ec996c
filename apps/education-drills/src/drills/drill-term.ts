/** A school term (学期): spring 2/1–7/31, autumn 8/1–1/31 of the next year (winter holiday included, as schools count it). */
export interface DrillTerm {
  label: string;
  start: string;
  end: string;
}

/** The term a calendar day (YYYY-MM-DD) falls in. */
export function termOf(day: string): DrillTerm {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 2 && month <= 7) return { label: `${year}年春季学期`, start: `${year}-02-01`, end: `${year}-07-31` };
  const autumn = month === 1 ? year - 1 : year;
  return { label: `${autumn}年秋季学期`, start: `${autumn}-08-01`, end: `${autumn + 1}-01-31` };
}
