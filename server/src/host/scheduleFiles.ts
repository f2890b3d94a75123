// Reading a schedule file from disk for `milestones import` and the editor's import: its format
// (from the name, else its first bytes), its text (UTF-8, else the Windows code page P6 wrote it
// in), and the reader of that format. Every failure is a ScheduleError naming the line or row.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readMspdi, type MspdiIdField } from '../service/schedules/mspdi';
import { ScheduleError, type Schedule, type ScheduleFormat } from '../service/schedules/schedule';
import { readScheduleCsv, type CsvField } from '../service/schedules/scheduleCsv';
import { readXer } from '../service/schedules/xer';
import { p6Schedule } from '../service/schedules/p6Schedule';
import type { readXlsxTables } from './xlsxSchedule';

export interface ReadScheduleOptions {
  format?: ScheduleFormat;
  /** The code page of a file that is not UTF-8 (default windows-1252, P6's on western PCs). */
  encoding?: string;
  /** P6: only this project's activities (its short name). */
  project?: string;
  idField?: MspdiIdField;
  map?: Partial<Record<CsvField, string>>;
  /** Larger files are refused before they are read. */
  maxBytes?: number;
}

export const defaultMaxScheduleBytes = 64 * 1024 * 1024;

/** The format a file's name or first bytes say. */
export function scheduleFormatOf(file: string, bytes: Uint8Array): ScheduleFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xer') return 'xer';
  if (extension === '.xml') return 'mspdi';
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv') return 'csv';
  const start = Buffer.from(bytes.subarray(0, 16)).toString('latin1').replace(/^\xEF\xBB\xBF/, '');
  if (start.startsWith('ERMHDR')) return 'xer';
  if (start.startsWith('PK')) return 'xlsx';
  if (start.trimStart().startsWith('<')) return 'mspdi';
  return undefined;
}

/**
 * A file's text: UTF-8 (with or without a BOM) when it is valid UTF-8, UTF-16 with its BOM, else
 * the code page given (P6 writes the exporting PC's Windows code page).
 */
export function decodeSchedule(bytes: Uint8Array, encoding = 'windows-1252'): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const text = new TextDecoder(encoding).decode(body);
    return new TextDecoder(encoding).encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (control) => cp1252High[control.charCodeAt(0) - 0x80] ?? control) : text;
  }
}

/**
 * What windows-1252 has at 0x80–0x9F (smart quotes, dashes, €, …). Node 20's TextDecoder reads
 * that code page as Latin-1, which has control characters there; P6 exports are full of them.
 */
const cp1252High = [...'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'];

/** Whether the platform decodes this code page. */
export function knownEncoding(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

export async function readScheduleFile(file: string, options: ReadScheduleOptions = {}): Promise<Schedule> {
  let size: number;
  try {
    size = (await fs.stat(file)).size;
  } catch (error) {
    throw new ScheduleError('', `cannot be read: ${(error as Error).message}`);
  }
  const maxBytes = options.maxBytes ?? defaultMaxScheduleBytes;
  if (size > maxBytes) {
    throw new ScheduleError('', `is ${megabytes(size)}, more than the ${megabytes(maxBytes)} a schedule may be: export only the projects you need, or raise --max-size.`);
  }
  const bytes = await fs.readFile(file);
  const format = options.format ?? scheduleFormatOf(file, bytes);
  if (!format) throw new ScheduleError('line 1', 'is not a schedule this command knows by its name or its first bytes: give --format xer, xlsx, mspdi or csv.');
  if (format === 'xlsx') return readSpreadsheet(bytes, options);
  if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) throw new ScheduleError(`line ${lineOf(bytes, bytes.indexOf(0))}`, `holds a NUL byte: it is not a ${format.toUpperCase()} text file.`);
  const text = decodeSchedule(bytes, options.encoding);
  if (format === 'xer') return readXer(text, { project: options.project });
  if (format === 'mspdi') return readMspdi(text, { idField: options.idField });
  return readScheduleCsv(text, options.map);
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 10) line++;
  return line;
}

/**
 * P6's spreadsheet export. exceljs is large, so its reader is a bundle of its own, loaded only for a
 * spreadsheet; the extension's package leaves it out (the command line has it).
 */
async function readSpreadsheet(bytes: Uint8Array, options: { project?: string }): Promise<Schedule> {
  let reader: { readXlsxTables: typeof readXlsxTables };
  try {
    reader = await import('./xlsxSchedule.js');
  } catch {
    throw new ScheduleError('', 'reading a P6 spreadsheet (XLSX) needs the command line, `milestones import FILE.xlsx`: this installation has no spreadsheet reader. Or export XER from P6.');
  }
  let workbook: Awaited<ReturnType<typeof readXlsxTables>>;
  try {
    workbook = await reader.readXlsxTables(bytes);
  } catch (error) {
    throw new ScheduleError('', `is not an XLSX spreadsheet that can be read: ${(error as Error).message}`);
  }
  if (!workbook.tables.has('TASK')) throw new ScheduleError('', `has no TASK sheet (it has ${workbook.sheets.join(', ') || 'no sheets'}): export the activities from P6 with the TASK and TASKPRED sheets.`);
  return p6Schedule(workbook.tables, 'xlsx', options);
}
