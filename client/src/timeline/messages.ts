// Checks what the timeline webview posts before the extension acts on it: the page renders data
// from files, so its messages are treated as untrusted input and every field is validated.
import { idPattern } from '../../../common/planSnapshot';
import type { FromTimeline } from '../../../common/timelineMessages';
import { trendSteps, type TrendEvery } from '../../../common/trendSeries';

export const maxIdLength = 200;
/** A move of more than a century is refused as a forged message. */
export const maxMoveDays = 36_500;
/** Exported images larger than this (in characters) are refused. */
export const maxSvgLength = 32 * 1024 * 1024;
export const maxPngLength = 64 * 1024 * 1024;
export const pngPrefix = 'data:image/png;base64,';
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function isTimelineId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= maxIdLength && idPattern.test(value);
}

export function parseFromTimeline(message: unknown): FromTimeline | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const value = message as Record<string, unknown>;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return isTimelineId(value.id) ? { type: 'reveal', id: value.id } : undefined;
    case 'move':
      return isTimelineId(value.id) && typeof value.days === 'number' && Number.isInteger(value.days) && value.days !== 0 && Math.abs(value.days) <= maxMoveDays ? { type: 'move', id: value.id, days: value.days } : undefined;
    case 'trendSteps':
      return trendSteps.includes(value.every as TrendEvery) ? { type: 'trendSteps', every: value.every as TrendEvery } : undefined;
    case 'exportImage': {
      const { format, data } = value;
      if (typeof data !== 'string') return undefined;
      if (format === 'svg') {
        if (data.length > maxSvgLength || !data.startsWith('<svg')) return undefined;
        return { type: 'exportImage', format, data };
      }
      if (format === 'png') {
        if (data.length > maxPngLength || data.length <= pngPrefix.length || !data.startsWith(pngPrefix)) return undefined;
        if (!base64.test(data.slice(pngPrefix.length))) return undefined;
        return { type: 'exportImage', format, data };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The bytes of a validated PNG data URL. */
export function pngBytes(data: string): Uint8Array {
  return Buffer.from(data.slice(pngPrefix.length), 'base64');
}
