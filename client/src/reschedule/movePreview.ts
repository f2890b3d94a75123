// A move's preview as the quick pick lists it, without any VS Code API so that it can be tested on
// its own: for each option (move only this; push what it would break) a line to choose it, then
// what it does — the dates that move, the checks that newly fail or clear, the float before and
// after of what is affected — and how what the user types reads as a move (a date, or days).
import type { MoveKind, MoveOption, MovePreview } from '../../../common/reschedule';

export interface PreviewEntry {
  label: string;
  description?: string;
  detail?: string;
  /** A heading, a line that chooses an option, or a line that says what the option does. */
  role: 'heading' | 'option' | 'consequence';
  option?: MoveKind;
  /** The item a consequence is about, to reveal it. */
  id?: string;
}

/** At most this many consequences of one kind are listed; the rest are counted. */
export const listedAtMost = 200;

const titles: Record<MoveKind, string> = { only: 'Move only this', push: 'Move this and push what it would break' };

/** `+14 days`, `−1 day`. */
export function signedDays(days: number): string {
  return `${days < 0 ? '−' : '+'}${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`;
}

function floatText(days: number | null): string {
  return days === null ? 'none' : `${days < 0 ? '−' : ''}${Math.abs(days)} d`;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** The title of the preview: `Move F-1 from 2022-02-20 to 2022-03-06 (+14 days)`. */
export function previewTitle(preview: Exclude<MovePreview, { message: string }>): string {
  return `Move ${preview.id}'s ${preview.field} from ${preview.from} to ${preview.to} (${signedDays(preview.days)})`;
}

function optionEntries(option: MoveOption): PreviewEntry[] {
  const title = titles[option.kind];
  if (option.blocked !== null) return [{ role: 'heading', label: title }, { role: 'option', option: option.kind, label: `$(circle-slash) ${title}`, detail: option.blocked }];
  const checks = option.failing.length === 0 && option.clearing.length === 0 ? 'no check changes' : [option.failing.length > 0 ? `${count(option.failing.length, 'check')} newly fail${option.failing.length === 1 ? 's' : ''}` : '', option.clearing.length > 0 ? `${option.clearing.length} clear${option.clearing.length === 1 ? 's' : ''}` : ''].filter(Boolean).join(', ');
  const entries: PreviewEntry[] = [
    { role: 'heading', label: title },
    { role: 'option', option: option.kind, label: `$(${option.kind === 'only' ? 'arrow-right' : 'arrow-both'}) ${title}`, description: `${count(option.moves.length, 'date')} in ${option.files.join(', ')}`, detail: checks },
  ];
  const capped = <T,>(list: readonly T[], entry: (item: T) => PreviewEntry): PreviewEntry[] => [
    ...list.slice(0, listedAtMost).map(entry),
    ...(list.length > listedAtMost ? [{ role: 'consequence' as const, label: `… and ${list.length - listedAtMost} more` }] : []),
  ];
  const floats = new Map(option.affected.map((item) => [item.id, item]));
  entries.push(
    ...capped(option.moves, (move) => {
      const float = floats.get(move.id);
      return { role: 'consequence', id: move.id, label: `$(calendar) ${move.id}`, description: `${move.field} ${move.from} → ${move.to}${float ? ` · float ${floatText(float.before)} → ${floatText(float.after)}` : ''}`, detail: move.file };
    }),
    ...capped(option.affected.filter((item) => !item.moved), (item) => ({ role: 'consequence', id: item.id, label: `$(pin) ${item.id}`, description: `stays · float ${floatText(item.before)} → ${floatText(item.after)}` })),
    ...capped(option.failing, (check) => ({ role: 'consequence', id: check.id, label: `$(${check.severity === 'error' ? 'error' : check.severity === 'warning' ? 'warning' : 'info'}) newly fails: ${check.code}`, description: check.id, detail: check.message })),
    ...capped(option.clearing, (check) => ({ role: 'consequence', id: check.id, label: `$(pass) clears: ${check.code}`, description: check.id, detail: check.message })),
  );
  return entries;
}

/** Every line of the preview: each option, then what it does. */
export function previewEntries(preview: Exclude<MovePreview, { message: string }>): PreviewEntry[] {
  return [...optionEntries(preview.only), ...optionEntries(preview.push)];
}

/**
 * What the user typed as a move of an item expected on `from`: a date (`2022-03-06`), or days
 * (`14`, `+14`, `-3`, `+2w` for weeks). The days, or why it does not read.
 */
export function readMove(typed: string, from: string): { days: number } | { message: string } {
  const text = typed.trim();
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const time = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    if (new Date(time).toISOString().slice(0, 10) !== text) return { message: `${text} is not a real day.` };
    return { days: Math.round((time - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) };
  }
  const days = /^([-+−]?)\s*(\d{1,5})\s*(d|days?|w|weeks?)?$/.exec(text);
  if (!days) return { message: 'Type a date (YYYY-MM-DD) or a number of days (+14, -3, +2w).' };
  const sign = days[1] === '-' || days[1] === '−' ? -1 : 1;
  const unit = days[3]?.startsWith('w') ? 7 : 1;
  return { days: sign * Number(days[2]) * unit };
}
