// The time axis: a UTC scale from the plan's extent to pixels, and two rows of ticks (years or
// months above, quarters, months or weeks below) chosen so their labels fit at the current zoom.
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utcMonday, utcMonth, utcYear, type CountableTimeInterval, type TimeInterval } from 'd3-time';
import { dayMs } from './model';

export interface Tick {
  x: number;
  label: string;
}

export interface Axis {
  scale: ScaleTime<number, number>;
  width: number;
  major: Tick[];
  minor: Tick[];
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const minZoom = 0.03; // pixels per day: a year is 11 px
export const maxZoom = 24;

export function clampZoom(pixelsPerDay: number): number {
  return Math.min(maxZoom, Math.max(minZoom, pixelsPerDay));
}

function ticks(scale: ScaleTime<number, number>, interval: TimeInterval | null, label: (date: Date) => string): Tick[] {
  if (!interval) return [];
  const [start, end] = scale.domain() as [Date, Date];
  return interval.range(interval.floor(start), end).map((date) => ({ x: scale(date), label: label(date) }));
}

function everyYears(pixelsPerDay: number): CountableTimeInterval | TimeInterval {
  const yearWidth = pixelsPerDay * 365;
  for (const step of [1, 2, 5, 10]) if (yearWidth * step >= 48) return step === 1 ? utcYear : utcYear.every(step)!;
  return utcYear.every(20)!;
}

export function makeAxis(extent: [number, number], pixelsPerDay: number, minWidth: number): Axis {
  const days = (extent[1] - extent[0]) / dayMs;
  const width = Math.max(minWidth, Math.round(days * pixelsPerDay));
  // When the chart is wider than the plan needs (zoomed out past fit), widen the domain instead of stretching.
  const end = extent[0] + (width / pixelsPerDay) * dayMs;
  const scale = scaleUtc().domain([new Date(extent[0]), new Date(end)]).range([0, width]);

  const year = (date: Date) => String(date.getUTCFullYear());
  const month = (date: Date) => monthNames[date.getUTCMonth()]!;
  const monthYear = (date: Date) => `${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;

  let major: Tick[];
  let minor: Tick[];
  if (pixelsPerDay * 7 >= 30) {
    // Weeks fit: months above, Mondays below.
    major = ticks(scale, utcMonth, monthYear);
    minor = ticks(scale, utcMonday, (date) => String(date.getUTCDate()));
  } else {
    major = ticks(scale, everyYears(pixelsPerDay), year);
    const monthWidth = pixelsPerDay * 30.4;
    if (monthWidth >= 30) minor = ticks(scale, utcMonth, month);
    else if (monthWidth * 3 >= 26) minor = ticks(scale, utcMonth.every(3), (date) => `Q${Math.floor(date.getUTCMonth() / 3) + 1}`);
    else minor = [];
  }
  // The first boundary may fall before the domain starts; its label is still useful at the left edge.
  return { scale, width, major, minor };
}
