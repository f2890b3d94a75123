// `file-too-large`: a file larger than `milestones.maxFileSize` (in UTF-8 bytes, as on disk) gets
// this one problem instead of its checks.
import type { Problem } from '../checks/problems';
import { utf8Length } from '../text/utf8';
import { defineRule } from './rule';

export default defineRule({
  code: 'file-too-large',
  severity: 'warning',
  short: 'File too large to check',
  full: 'The file is larger than `milestones.maxFileSize`: it is not checked.',
});

/** The one problem of a file too large to check, on its first line. */
export function fileTooLarge(text: string, limit: number): Problem {
  const firstLineEnd = text.indexOf('\n');
  return {
    code: 'file-too-large',
    message: `This file is ${formatSize(utf8Length(text))}, larger than the limit of ${formatSize(limit)} (setting milestones.maxFileSize): it is not checked.`,
    start: 0,
    end: Math.min(firstLineEnd < 0 ? text.length : firstLineEnd, 200),
  };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
