// Does in this process what the server does on a generated plan — open, then keystrokes in names:
// the edit, the analysis, the report (the diagnostics compared with those the client holds, and
// converted only when they changed), and the JSON of the answer to the client's pull (the file's
// diagnostics, or `unchanged`) — and prints the time of each part, for a CPU profile:
// `node --cpu-prof --import tsx bench/profile.ts`. PROFILE_MILESTONES (default 1000),
// PROFILE_CLEAN=1 for a clean plan, PROFILE_KEYSTROKES (default 40), PROFILE_LINKS=1 for milestones
// linked by predecessors, PROFILE_TYPE_IN=predecessors to type in their lists (which changes the
// links) instead of in names, PROFILE_TYPE_IN=due to move open milestones' due dates by a day and
// back (which keeps float up to date, and changes the diagnostics that name those dates).
import { performance } from 'node:perf_hooks';
import { DiagnosticReports } from '../server/src/lsp/diagnosticReports';
import { createPlanService } from '../server/src/service';
import { generatePlan } from './generate';

const milestones = Number(process.env.PROFILE_MILESTONES ?? 1000);
const keystrokes = Number(process.env.PROFILE_KEYSTROKES ?? 40);
const uri = 'file:///profile/plan.milestones.yaml';
const service = createPlanService();
service.setSettings({ asOf: '2021-08-11', maxFileSize: 64 * 1024 * 1024 });
const reports = new DiagnosticReports();
let changedReports = 0;

/** The parts of one answer: analysis, report, and the answer's JSON (its length too). */
function publish(): { analysis: number; report: number; json: number; bytes: number; count: number } {
  let started = performance.now();
  const problems = service.analyze().problems.get(uri)!;
  const analysis = performance.now() - started;
  started = performance.now();
  const changed = reports.updatePlan(uri, service.getFile(uri)!.lineIndex, problems);
  const { resultId, diagnostics } = reports.get(uri)!;
  const report = performance.now() - started;
  if (changed) changedReports++;
  started = performance.now();
  const json = JSON.stringify({ jsonrpc: '2.0', id: 1, result: changed ? { kind: 'full', resultId, items: diagnostics } : { kind: 'unchanged', resultId } });
  return { analysis, report, json: performance.now() - started, bytes: json.length, count: diagnostics.length };
}

const text = generatePlan(milestones, { dirty: process.env.PROFILE_CLEAN !== '1', links: process.env.PROFILE_LINKS === '1' });
let started = performance.now();
service.setFile(uri, text);
const opened = publish();
console.log(`open: ${(performance.now() - started).toFixed(1)} ms, ${opened.count} problems, ${(opened.bytes / 1024).toFixed(0)} KB of JSON`);
// Where to type: at the end of names, or before the `]` of predecessors lists.
const inLists = process.env.PROFILE_TYPE_IN === 'predecessors';
const marker = inLists ? '\n    predecessors: [' : '\n    name: ';
const names: number[] = [];
const inDates = process.env.PROFILE_TYPE_IN === 'due';
if (inDates) for (const match of text.matchAll(/\n {2}REL-\d+:\n {4}name: .*\n {4}due: 202[2-6]-\d\d-[0-2][0-7]\n(?! {4}completed)/g)) names.push(match.index + match[0].length - 2);
else for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) names.push(text.indexOf('\n', at + 1) - (inLists ? 1 : 0));
changedReports = 0;
const parts = { edit: [] as number[], analysis: [] as number[], report: [] as number[], json: [] as number[], total: [] as number[] };
for (let stroke = 0; stroke < keystrokes; stroke++) {
  const offset = names[Math.floor(((stroke + 0.5) / keystrokes) * names.length)]!;
  // The day's last digit one up and back, or a letter typed and deleted.
  const digit = text[offset]!;
  const edits = inDates ? [{ start: offset, end: offset + 1, text: String(Number(digit) + 1) }, { start: offset, end: offset + 1, text: digit }] : [{ start: offset, end: offset, text: 'x' }, { start: offset, end: offset + 1, text: '' }];
  for (const edit of edits) {
    // The change as the editor sends it, in lines and characters.
    const lines = service.getFile(uri)!.lineIndex;
    const change = { range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) }, text: edit.text };
    started = performance.now();
    service.editFile(uri, [change]);
    parts.edit.push(performance.now() - started);
    const { analysis, report, json } = publish();
    parts.analysis.push(analysis);
    parts.report.push(report);
    parts.json.push(json);
    parts.total.push(performance.now() - started);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
console.log(`keystroke, median: ${Object.entries(parts).map(([part, times]) => `${part} ${median(times).toFixed(2)} ms`).join(', ')}; max ${Math.max(...parts.total).toFixed(1)} ms; ${changedReports} of ${parts.total.length} changed the diagnostics`);
