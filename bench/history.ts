// The bench of plans in git (BENCH_ONLY=history, not in a default run): repositories whose one plan
// has N milestones and a history of C commits, a day apart, each moving one milestone's due date,
// made with `git fast-import`. For each: the hover with the date history over LSP (from the first
// hover until one shows the history read, then the median of later ones), the Trend view's answer
// over LSP (the first, and again on the same HEAD), each with the CPU time the server and its git
// spent, and `milestones trend` as a process, by month.
// BENCH_HISTORY_CASES (`1000x1000,10000x100,10000x1000`) and BENCH_SAMPLES narrow a run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { TrendAnswer } from '../common/requests';
import { TestClient } from '../test/helpers/lspClient';
import { generatePlan } from './generate';

const cliPath = resolve(__dirname, '../dist/cli.js');
const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

export interface HistoryRow {
  milestones: number;
  commits: number;
  /** Seconds to make the repository (not part of what is measured). */
  made: number;
  firstHover: number;
  /** CPU seconds the server and the git it ran spent on it: what a busy machine changes less than the clock. */
  firstHoverCpu: number;
  hoverMedian: number;
  firstTrend: number;
  firstTrendCpu: number;
  trendAgain: number;
  /** The months the trend read, and its items. */
  steps: number;
  items: number;
  cliTrend: number;
  load: string;
}

/** The cases of BENCH_HISTORY_CASES: milestones × commits. */
export function historyCases(): { milestones: number; commits: number }[] {
  return (process.env.BENCH_HISTORY_CASES ?? '1000x1000,10000x100,10000x1000').split(',').map((item) => {
    const [milestones, commits] = item.split('x').map(Number);
    return { milestones: milestones!, commits: commits! };
  });
}

/** A repository whose one plan has `commits` commits, a day apart, each moving one milestone's due date a month; the IDs moved, oldest first. */
async function historyRepository(folder: string, milestoneCount: number, commits: number): Promise<string[]> {
  spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: folder, env: gitEnv });
  const lines = generatePlan(milestoneCount).split('\n');
  // The due date line of each milestone, and the milestone's ID.
  const dueLines: { index: number; id: string }[] = [];
  let id = '';
  lines.forEach((line, index) => {
    if (/^ {2}\S/.test(line)) id = line.trim().slice(0, -1);
    else if (line.startsWith('    due: ') && id.startsWith('REL-')) dueLines.push({ index, id });
  });
  const importer = spawn('git', ['fast-import', '--quiet'], { cwd: folder, env: gitEnv, stdio: ['pipe', 'ignore', 'inherit'] });
  const write = (chunk: string) => new Promise<void>((resolveWrite) => (importer.stdin.write(chunk) ? resolveWrite() : importer.stdin.once('drain', resolveWrite)));
  const moved: string[] = [];
  for (let commit = 0; commit < commits; commit++) {
    const { index, id: movedId } = dueLines[(commit * 7919) % dueLines.length]!;
    const due = lines[index]!.slice('    due: '.length);
    const later = new Date(Date.parse(due) + 31 * 86_400_000).toISOString().slice(0, 10);
    lines[index] = `    due: ${later}`;
    const text = lines.join('\n');
    const message = `Move a due date to ${later}`;
    // The first commit adds the plan: what it moves is not a change.
    if (commit > 0) moved.push(movedId);
    await write(`commit refs/heads/main\ncommitter Planner <planner@example.org> ${1_600_000_000 + commit * 86_400} +0000\ndata ${Buffer.byteLength(message)}\n${message}\nM 100644 inline plan.milestones.yaml\ndata ${Buffer.byteLength(text)}\n${text}\n\n`);
  }
  importer.stdin.end();
  await new Promise((resolveImport) => importer.on('close', resolveImport));
  spawnSync('git', ['checkout', '-q', '-f', 'main'], { cwd: folder, env: gitEnv });
  return moved;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');

/** The CPU seconds a process and the children it waited for (git) have used: utime, stime, cutime and cstime of /proc (in ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0) / 100;
}

export async function measureHistory(milestoneCount: number, commits: number, samples: number): Promise<HistoryRow> {
  const folder = mkdtempSync(join(tmpdir(), 'milestones-bench-history-'));
  const loads = [load()];
  try {
    const makeStarted = performance.now();
    const moved = await historyRepository(folder, milestoneCount, commits);
    const made = (performance.now() - makeStarted) / 1000;
    const client = await TestClient.start({ folders: [folder], settings: { maxFileSize: 64 * 1024 * 1024 } });
    client.diagnosticsTimeout = 600_000;
    try {
      const uri = pathToFileURL(join(folder, 'plan.milestones.yaml')).href;
      const text = readFileSync(join(folder, 'plan.milestones.yaml'), 'utf8');
      const lines = text.split('\n');
      await client.open(uri, text);
      loads.push(load());
      const at = (id: string) => ({ line: lines.indexOf(`  ${id}:`), character: 3 });
      /** The hover's time, and whether it had the history (not yet, while the first reading goes on). */
      const hover = async (id: string) => {
        const started = performance.now();
        const result = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: at(id) });
        const value = result?.contents.value ?? '';
        if (!value.includes('**Date history** (git)')) throw new Error(`no date history in the hover of ${id}`);
        return { time: performance.now() - started, read: !value.includes('still being read') };
      };
      // The first: from the first hover until a hover shows the history read.
      const server = client.process.pid!;
      const firstStarted = performance.now();
      const hoverCpu = cpuSeconds(server);
      while (!(await hover(moved[0]!)).read);
      const firstHover = performance.now() - firstStarted;
      const firstHoverCpu = cpuSeconds(server) - hoverCpu;
      const times: number[] = [];
      for (let sample = 0; sample < samples; sample++) times.push((await hover(moved[(sample * 13) % moved.length]!)).time);
      loads.push(load());
      const trend = async () => {
        const started = performance.now();
        const answer = await client.request<TrendAnswer>('milestones/trend', { every: 'month' });
        if (!answer.history) throw new Error(`no trend: ${answer.reason}`);
        return { time: performance.now() - started, answer };
      };
      const trendCpu = cpuSeconds(server);
      const first = await trend();
      const firstTrendCpu = cpuSeconds(server) - trendCpu;
      const again = await trend();
      loads.push(load());
      const cliStarted = performance.now();
      // A thousand milestones' lines (REL-1…): the history is read whole, the output stays of a size to read.
      const cli = spawnSync(process.execPath, [cliPath, 'trend', '--prefix', 'REL-1', '--format', 'csv'], { cwd: folder, env: gitEnv, encoding: 'utf8', maxBuffer: 1 << 30 });
      if (cli.status !== 0) throw new Error(`milestones trend: ${cli.stderr}`);
      const cliTrend = performance.now() - cliStarted;
      loads.push(load());
      return {
        milestones: milestoneCount,
        commits,
        made,
        firstHover,
        firstHoverCpu,
        hoverMedian: median(times),
        firstTrend: first.time,
        firstTrendCpu,
        trendAgain: again.time,
        steps: first.answer.history!.steps.length,
        items: first.answer.history!.items.length,
        cliTrend,
        load: loads.join(' → '),
      };
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const count = (value: number) => value.toLocaleString('en');
const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);

export function printHistory(rows: readonly HistoryRow[]): void {
  console.log('| plan with history | first hover until the history is read (CPU, server and git) | hover after the first, median | trend over LSP, first (CPU; steps, items) | again, same HEAD | `milestones trend --prefix REL-1` | load average (1, 5, 15 min) through the run |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const row of rows) {
    console.log(
      `| ${count(row.milestones)} milestones, ${count(row.commits)} commits | ${ms(row.firstHover)} (${row.firstHoverCpu.toFixed(1)} s) | ${ms(row.hoverMedian)} | ${ms(row.firstTrend)} (${row.firstTrendCpu.toFixed(1)} s; ${row.steps}, ${count(row.items)}) | ${ms(row.trendAgain)} | ${ms(row.cliTrend)} | ${row.load} |`,
    );
  }
}
