// The schedule import's bench (BENCH_ONLY=import): `milestones import` of a generated XER of 10,000
// activities (2,000 milestones, 8,000 tasks, 15,000 links) into a new plan, and the monthly update
// `--into` of a plan of 10,000 milestones from the next month's export (a tenth of the forecasts
// moved, some completed, names changed, items added and gone), each timed as the command runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../server/src/cli';
import { projectFields, task, taskFieldsV23, taskPredFields, xerText } from '../test/helpers/schedules';

const cliPath = resolve(__dirname, '../dist/cli.js');

export interface ImportRow {
  what: string;
  size: string;
  /** The command as a process, start to exit. */
  seconds: number;
  /** The same command in this process: the CPU time it took, which a busy machine changes less than the wall clock. */
  cpuSeconds: number;
  output: string;
}

function day(offset: number): string {
  return new Date(Date.UTC(2021, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** An XER of `activities` activities, one in `milestoneEvery` a milestone, each linked to the one or two before. */
function generateXer(activities: number, milestoneEvery: number, month: number): string {
  const rows: Record<string, string>[] = [];
  const links: Record<string, string>[] = [];
  for (let index = 0; index < activities; index++) {
    // Next month's export: forecasts of a tenth move, a twentieth complete, a hundredth renamed; the last 50 are new.
    if (month === 1 && index >= activities - 50) continue;
    const milestone = index % milestoneEvery === 0;
    const planned = `${day(index % 1500)} 17:00`;
    const moved = month === 2 && index % 10 === 3 ? `${day((index % 1500) + 30)} 17:00` : planned;
    const done = month === 2 && index % 20 === 7;
    rows.push(
      task(String(100_000 + index), `A${index}`, `${milestone ? 'Milestone' : 'Activity'} ${index}${month === 2 && index % 100 === 5 ? ' (renamed)' : ''}`, milestone ? 'TT_FinMile' : 'TT_Task', planned, {
        early_end_date: moved,
        status_code: done ? 'TK_Complete' : 'TK_NotStart',
        act_end_date: done ? planned : '',
      }),
    );
    if (index > 0) links.push({ task_pred_id: String(index), task_id: String(100_000 + index), pred_task_id: String(100_000 + index - 1), pred_type: 'PR_FS', lag_hr_cnt: '0' });
    if (index > 1 && index % 2 === 0) links.push({ task_pred_id: String(activities + index), task_id: String(100_000 + index), pred_task_id: String(100_000 + index - 2), pred_type: 'PR_SS', lag_hr_cnt: '8' });
  }
  // Gone next month: the first 50 activities, and the links that name them.
  const kept = month === 2 ? rows.slice(50) : rows;
  const keys = new Set(kept.map((row) => row.task_id));
  return xerText({
    PROJECT: { fields: projectFields, rows: [{ proj_id: '100', proj_short_name: 'BENCH', last_recalc_date: month === 1 ? '2021-01-01 00:00' : '2021-02-01 00:00' }] },
    TASK: { fields: taskFieldsV23, rows: kept },
    TASKPRED: { fields: taskPredFields, rows: links.filter((link) => keys.has(link.task_id) && keys.has(link.pred_task_id)) },
  });
}

/** Runs the command as a process, then (on a copy of the files it reads) in this one. */
async function timed(args: string[], cwd: string, restore?: () => void): Promise<{ seconds: number; cpuSeconds: number; output: string }> {
  restore?.();
  const started = performance.now();
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`milestones ${args.join(' ')} failed: ${result.stderr}`);
  const output = result.stderr.trim().split('\n').pop() ?? '';
  const after = restore ? snapshotOf(cwd) : undefined;
  restore?.();
  const cpu = process.cpuUsage();
  // A new plan is written under another name: the first one is there now.
  await runCli(args.map((arg, index) => (args[index - 1] === '-o' ? `again-${arg}` : arg)), cwd);
  const used = process.cpuUsage(cpu);
  if (after) after();
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, output };
}

/** A function that puts the plan back as it is now. */
function snapshotOf(cwd: string): () => void {
  const text = readFileSync(join(cwd, 'plan.milestones.yaml'), 'utf8');
  return () => writeFileSync(join(cwd, 'plan.milestones.yaml'), text);
}

export async function measureImport(): Promise<ImportRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'milestones-bench-import-'));
  try {
    writeFileSync(join(folder, 'activities.xer'), generateXer(10_000, 5, 0));
    const imported = await timed(['import', 'activities.xer', '-o', 'activities.milestones.yaml'], folder);
    writeFileSync(join(folder, 'january.xer'), generateXer(10_000, 1, 1));
    writeFileSync(join(folder, 'february.xer'), generateXer(10_000, 1, 2));
    await timed(['import', 'january.xer', '-o', 'plan.milestones.yaml'], folder);
    const updated = await timed(['import', 'february.xer', '--into', 'plan.milestones.yaml'], folder, snapshotOf(folder));
    const again = await timed(['import', 'february.xer', '--into', 'plan.milestones.yaml'], folder, snapshotOf(folder));
    return [
      { what: 'import a new plan', size: 'XER of 10,000 activities (2,000 milestones), 15,000 links', ...imported },
      { what: 'monthly update --into', size: 'plan of 10,000 milestones, 1,000 forecasts moved', ...updated },
      { what: 'the same update again', size: 'nothing to change', ...again },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function printImport(rows: readonly ImportRow[]): void {
  console.log('| schedule import | input | the command, start to exit | its CPU time | result |');
  console.log('|---|---|---:|---:|---|');
  for (const row of rows) console.log(`| ${row.what} | ${row.size} | ${row.seconds.toFixed(2)} s | ${row.cpuSeconds.toFixed(2)} s | ${row.output} |`);
}
