// Float and rescheduling over LSP, as the editor asks for them, on the dirty plan of 10,000
// milestones with 20,092 links (bench/generate.ts): a keystroke that changes an open milestone's due
// date to its diagnostics, then the hover of the milestone before it (whose float the edit changed);
// and the preview of a move that pushes 1,000 successors, then the workspace edit of that option.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { MovePreview } from '../common/reschedule';
import { TestClient } from '../test/helpers/lspClient';
import { generatePlan } from './generate';
import { median } from './history';

export interface FloatRow {
  milestones: number;
  links: number;
  /** A keystroke in a name in the same run, for comparison: the same diagnostics, no date moved. */
  nameMedian: number;
  dateMedian: number;
  dateMax: number;
  hoverMedian: number;
  pushed: number;
  previewMedian: number;
  previewMax: number;
  editMedian: number;
  load: string;
}

export async function measureFloat(milestoneCount: number, keystrokes: number, samples: number): Promise<FloatRow> {
  const text = generatePlan(milestoneCount, { dirty: true, links: true });
  const lines = text.split('\n');
  const uri = `file:///bench/plan-${milestoneCount}-float.milestones.yaml`;
  const keyLine = (id: string) => lines.indexOf(`  ${id}:`);
  const client = await TestClient.start({ settings: { maxFileSize: 64 * 1024 * 1024 } });
  client.diagnosticsTimeout = 600_000;
  try {
    await client.open(uri, text);
    // Open milestones (after asOf) whose due day's last digit can go one up and stay a day of every month.
    const open = lines.flatMap((line, index) => (/^ {2}REL-\d+:$/.test(lines[index - 2] ?? '') && /^ {4}due: 202[2-6]-\d\d-[0-2][0-8]$/.test(line) && !lines[index + 1]!.startsWith('    completed:') ? [index] : []));
    const names: number[] = [];
    const dates: number[] = [];
    const hovers: number[] = [];
    for (let stroke = 0; stroke < keystrokes; stroke++) {
      const line = open[Math.floor(((stroke + 0.5) / keystrokes) * open.length)]!;
      const id = /REL-(\d+)/.exec(lines[line - 2]!)![1]!;
      const range = { start: { line, character: 18 }, end: { line, character: 19 } };
      const digit = lines[line]![18]!;
      const name = { line: line - 1, character: lines[line - 1]!.length };
      for (const [from, to, typed] of [[name, name, 'x'], [name, { ...name, character: name.character + 1 }, '']] as const) {
        const started = performance.now();
        await client.change(uri, { start: from, end: to }, typed);
        names.push(performance.now() - started);
      }
      for (const typed of [String(Number(digit) + 1), digit]) {
        let started = performance.now();
        await client.change(uri, range, typed);
        dates.push(performance.now() - started);
        started = performance.now();
        const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: keyLine(`REL-${Number(id) - 1}`), character: 4 } });
        hovers.push(performance.now() - started);
        if (!/float/i.test(hover?.contents.value ?? '')) throw new Error(`no float in the hover of REL-${Number(id) - 1}`);
      }
    }
    // A month later, each milestone after it would break and is pushed, but for those on the plan's
    // cycles of two: 1,020 from the end, about 1,000 move.
    const moved = `REL-${milestoneCount - 1021}`;
    const previews: number[] = [];
    const edits: number[] = [];
    let pushed = 0;
    for (let sample = 0; sample < samples; sample++) {
      const days = 30 + (sample % 3);
      let started = performance.now();
      const preview = await client.request<MovePreview>('milestones/movePreview', { id: moved, days });
      previews.push(performance.now() - started);
      if ('message' in preview) throw new Error(preview.message);
      pushed = preview.push.moves.length - 1;
      started = performance.now();
      const made = await client.request<{ edit: unknown } | { message: string }>('milestones/moveDate', { id: moved, days, kind: 'push', from: preview.from });
      edits.push(performance.now() - started);
      if ('message' in made) throw new Error(made.message);
    }
    return {
      milestones: milestoneCount,
      links: lines.filter((line) => line.startsWith('    predecessors: [')).reduce((sum, line) => sum + line.split(',').length, 0),
      nameMedian: median(names),
      dateMedian: median(dates),
      dateMax: Math.max(...dates),
      hoverMedian: median(hovers),
      pushed,
      previewMedian: median(previews),
      previewMax: Math.max(...previews),
      editMedian: median(edits),
      load: loadavg().map((value) => value.toFixed(1)).join(' '),
    };
  } finally {
    await client.stop();
  }
}

export function printFloat(row: FloatRow): void {
  const ms = (value: number) => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;
  const count = (value: number) => value.toLocaleString('en');
  console.log('| float, dirty plan with links | keystroke in a name, median | keystroke changing a due date, median | max | then the hover with its float, median | preview of a move pushing successors, median | max | its workspace edit, median | load average |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${count(row.milestones)} milestones, ${count(row.links)} links | ${ms(row.nameMedian)} | ${ms(row.dateMedian)} | ${ms(row.dateMax)} | ${ms(row.hoverMedian)} | ${ms(row.previewMedian)} (${count(row.pushed)} pushed) | ${ms(row.previewMax)} | ${ms(row.editMedian)} | ${row.load} |`,
  );
}
