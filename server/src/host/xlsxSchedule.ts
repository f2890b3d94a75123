// Primavera P6's spreadsheet export (XLSX): a sheet per table, TASK and TASKPRED at least, the first
// row the field names (`task_code`, `pred_task_id`, …). Read with exceljs, which needs Node; the
// rows then go through the same reader as an XER file's tables.
import ExcelJS from 'exceljs';
import { p6Schedule, p6TableNames, type P6Table } from '../service/schedules/p6Schedule';
import { ScheduleError, type Schedule } from '../service/schedules/schedule';

export async function readXlsxSchedule(bytes: Uint8Array, options: { project?: string } = {}): Promise<Schedule> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ScheduleError('', `is not an XLSX spreadsheet that can be read: ${(error as Error).message}`);
  }
  const tables = new Map<string, P6Table>();
  workbook.eachSheet((sheet) => {
    const name = sheet.name.trim().toUpperCase();
    if (!p6TableNames.has(name)) return;
    const table: P6Table = { name, fields: [], rows: [], place: `sheet ${sheet.name}` };
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const values: string[] = [];
      for (let column = 1; column <= row.cellCount; column++) values.push(cellText(row.getCell(column).value));
      if (number === 1) table.fields = values;
      else table.rows.push({ values: values.slice(0, Math.max(table.fields.length, 1)), place: `sheet ${sheet.name}, row ${number}` });
    });
    tables.set(name, table);
  });
  if (!tables.has('TASK')) throw new ScheduleError('', `has no TASK sheet (it has ${workbook.worksheets.map((sheet) => sheet.name).join(', ') || 'no sheets'}): export the activities from P6 with the TASK and TASKPRED sheets.`);
  return p6Schedule(tables, 'xlsx', options);
}

/** A cell as the text an XER file would hold: dates as `YYYY-MM-DD HH:MM`. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace('T', ' ');
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}
