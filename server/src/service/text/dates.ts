// Calendar dates as plans write them: YYYY-MM-DD, a real day. Compared as strings, which is
// exact for this fixed-width form.

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a value is not a date, or undefined when it is one. */
export function dateProblem(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : String(value);
  const match = datePattern.exec(text);
  if (!match) {
    const fixed = normalizeDate(text);
    return fixed
      ? `"${text}" is not a date in the form YYYY-MM-DD: did you mean ${fixed}?`
      : `"${text}" is not a date: write it as YYYY-MM-DD.`;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return `"${text}" is not a date: there is no month ${match[2]}.`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `"${text}" is not a real day: ${monthNames[month - 1]} ${year} has ${days} days.`;
  return undefined;
}

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && dateProblem(value) === undefined;
}

/** `2021-7-1` → `2021-07-01`, when that is a real day; undefined when there is no single answer. */
export function normalizeDate(text: string): string | undefined {
  const loose = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(text);
  if (!loose) return undefined;
  const candidate = `${loose[1]}-${loose[2]!.padStart(2, '0')}-${loose[3]!.padStart(2, '0')}`;
  return isDate(candidate) ? candidate : undefined;
}

export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** A date (YYYY-MM-DD) as a number of days since 1970-01-01: the unit float and rescheduling count in. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The date (YYYY-MM-DD) of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}
