// Primavera P6's spreadsheet export (XLSX) as tables: a sheet per table, the first row the field
// names (`task_code`, `pred_task_id`, …). Read with exceljs, which needs Node, in a bundle of its own
// (see scheduleFiles.ts): the rows then go through the same reader as an XER file's tables.
import ExcelJS from 'exceljs';
import { p6TableNames, type P6Table } from '../service/schedules/p6Schedule';

/** The P6 tables of a workbook, and the names of all its sheets. Throws when the bytes are not a workbook. */
export async function readXlsxTables(bytes: Uint8Array): Promise<{ tables: Map<string, P6Table>; sheets: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
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
  return { tables, sheets: workbook.worksheets.map((sheet) => sheet.name) };
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
