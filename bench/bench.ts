// `npm run bench`: measures the language server over LSP as a client sees it. On generated plans of
// 1,000, 10,000 and 50,000 milestones, clean and dirty (as plans are while they are edited): open →
// diagnostics beside a bare `yaml` parse of the same text; keystroke → the client holds current
// diagnostics, pulled as VS Code pulls them (a request after each change) and pushed as clients
// without pull take them, for keystrokes in names (which change no diagnostic) and for a due date
// broken and mended (which changes the file's); peak memory; completion, hover and code actions.
// Then a workspace of 100 files × 100 milestones whose features are defined in other files than the
// milestones that list them, and a glossary CSV of 100,000 rows (the command line, the server's
// first diagnostics and completion with it loaded). A dirty plan of 10,000 milestones linked by
// 20,000 `predecessors` links is measured on its own (keystrokes in names, and keystrokes in a
// predecessors list, which change the links). Then the hover of an item with its date history from
// git and the milestone trend, on plans with a history of commits that each move one milestone's due
// date (`history`, bench/history.ts; not in a default run: BENCH_HISTORY_CASES sizes it).
// The schedule import and monthly update (`import`; not in a default run) are measured by import.ts,
// float and rescheduling (`float`; not in a default run) by float.ts.
// BENCH_SIZES, BENCH_KEYSTROKES, BENCH_SAMPLES (requests of each kind) and BENCH_ONLY (plans or
// clean,dirty; workspace; glossary; links; history; import) narrow a run. BENCH_JSON=FILE writes
// the plans' figures, which `node --import tsx bench/chart.ts FILE` draws as docs/images/keystroke-cost.svg.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { loadGlossaries } from '../server/src/host/glossaryFiles';
import { nodeFileSystem } from '../server/src/host/nodeFileSystem';
import { Glossary } from '../server/src/service/glossary/glossary';
import { TestClient, type DiagnosticsMode } from '../test/helpers/lspClient';
import { generateGlossaryCsv, generatePlan, generateWorkspace } from './generate';
import { measureFloat, printFloat } from './float';
import { historyCases, measureHistory, printHistory, type HistoryRow } from './history';
import { measureImport, printImport } from './import';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const keystrokes = Number(process.env.BENCH_KEYSTROKES ?? 40);
const samples = Number(process.env.BENCH_SAMPLES ?? 30);
const only = new Set((process.env.BENCH_ONLY ?? 'plans,workspace,glossary,links').split(','));
const cliPath = resolve(__dirname, '../dist/cli.js');

type Position = { line: number; character: number };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** The median of three parses (one for a text of tens of megabytes, which takes a minute and gigabytes). */
function bareParseMs(text: string): number {
  const times: number[] = [];
  for (let run = 0; run < (text.length > 20_000_000 ? 1 : 3); run++) {
    const started = performance.now();
    parseDocument(text, { uniqueKeys: false });
    times.push(performance.now() - started);
  }
  return median(times);
}

const format = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const count = (value: number) => value.toLocaleString('en');

/** Lines of `lines` where `pick` finds a column, `samples` of them spread through the file. */
function spread(lines: readonly string[], pick: (line: string) => number, samples: number): Position[] {
  const targets = lines.map((line, index) => (pick(line) >= 0 ? index : -1)).filter((index) => index >= 0);
  return Array.from({ length: Math.min(samples, targets.length) }, (_, sample) => {
    const line = targets[Math.floor(((sample + 0.5) / samples) * targets.length)]!;
    return { line, character: pick(lines[line]!) };
  });
}

/** Types a character at the end of names spread through the file and deletes it again; the time of each to its diagnostics. */
function typeInNames(client: TestClient, uri: string, lines: readonly string[]): Promise<number[]> {
  return typeAt(client, uri, lines, (line) => (line.startsWith('    name: ') ? line.length : -1));
}

/** Types a character before the `]` of `predecessors` lists spread through the file (a link to an unknown ID) and deletes it again. */
function typeInPredecessors(client: TestClient, uri: string, lines: readonly string[]): Promise<number[]> {
  return typeAt(client, uri, lines, (line) => (line.startsWith('    predecessors: [') ? line.length - 1 : -1));
}

/** Types a character where `pick` says, at lines spread through the file, and deletes it again; the time of each to its diagnostics. */
async function typeAt(client: TestClient, uri: string, lines: readonly string[], pick: (line: string) => number): Promise<number[]> {
  const times: number[] = [];
  for (const { line, character } of spread(lines, pick, keystrokes)) {
    let started = performance.now();
    await client.change(uri, { start: { line, character }, end: { line, character } }, 'x');
    times.push(performance.now() - started);
    started = performance.now();
    await client.change(uri, { start: { line, character }, end: { line, character: character + 1 } }, '');
    times.push(performance.now() - started);
  }
  return times;
}

/** Breaks the due dates of items spread through the file (a day of 40 and more) and mends them: each keystroke changes the file's diagnostics. */
async function breakDueDates(client: TestClient, uri: string, lines: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const { line, character } of spread(lines, (line) => (/^ {4}due: \d{4}-\d\d-[0-2]\d$/.test(line) ? 17 : -1), Math.max(1, keystrokes >> 2))) {
    const range = { start: { line, character }, end: { line, character: character + 1 } };
    for (const digit of ['4', lines[line]![character]!]) {
      const started = performance.now();
      await client.change(uri, range, digit);
      times.push(performance.now() - started);
    }
  }
  return times;
}

/** The median time of a request at each of the positions. */
async function requestMedian(client: TestClient, positions: readonly Position[], params: (position: Position) => unknown, method: string): Promise<number> {
  const times: number[] = [];
  for (const position of positions) {
    const started = performance.now();
    await client.request(method, params(position));
    times.push(performance.now() - started);
  }
  return median(times);
}

const atFeatureListItem = (line: string) => (/^ {6}- /.test(line) ? line.length : -1);
const afterAcronymLetter = (line: string) => (line.startsWith('    name: ') && line.includes(' HSC') ? line.indexOf(' HSC') + 2 : -1);
const atNewKey = (line: string) => (line.startsWith('    level: ') ? 4 : -1);

interface Completions {
  /** After a feature ID typed in a milestone's `features` list. */
  features: number;
  /** After an upper-case letter typed in a name. */
  acronyms: number;
  /** At the start of a key in a milestone. */
  keys: number;
  /** The most items any of them returned. */
  mostItems: number;
}

async function completionMedians(client: TestClient, uri: string, lines: readonly string[]): Promise<Completions> {
  let mostItems = 0;
  const complete = async (pick: (line: string) => number) => {
    const times: number[] = [];
    for (const position of spread(lines, pick, samples)) {
      const started = performance.now();
      const result = await client.request<{ items: unknown[] } | unknown[] | null>('textDocument/completion', { textDocument: { uri }, position });
      times.push(performance.now() - started);
      mostItems = Math.max(mostItems, Array.isArray(result) ? result.length : (result?.items.length ?? 0));
    }
    return median(times);
  };
  return { features: await complete(atFeatureListItem), acronyms: await complete(afterAcronymLetter), keys: await complete(atNewKey), mostItems };
}

/** Keystrokes timed until the client holds current diagnostics: the median and the slowest. */
interface Keystrokes {
  median: number;
  max: number;
}

function keystrokesOf(times: readonly number[]): Keystrokes {
  return { median: median([...times]), max: Math.max(...times) };
}

interface PlanRow {
  label: string;
  /** The machine's load average (one minute) as the plan's measurement began. */
  load: number;
  milestones: number;
  problems: number;
  sizeMb: number;
  bareParse: number;
  /** Open → diagnostics, pulled. */
  open: number;
  /** Keystrokes in names, pulled and pushed. */
  pulled: Keystrokes;
  pushed: Keystrokes;
  /** Keystrokes that change the file's diagnostics, pulled. */
  changing: Keystrokes;
  peakMb: number;
  completions: Completions;
  hover: number;
  codeActions: number;
}

/** A server with the plan open, its diagnostics taken one way; the open timed. */
async function withPlan<T>(mode: DiagnosticsMode, uri: string, text: string, measure: (client: TestClient, open: number, problems: number) => Promise<T>): Promise<T> {
  const client = await TestClient.start({ settings: { maxFileSize: 64 * 1024 * 1024 }, diagnostics: mode });
  client.diagnosticsTimeout = 600_000;
  try {
    await client.request('milestones/planSnapshot'); // the server is up and configured
    const openStarted = performance.now();
    const diagnostics = await client.open(uri, text);
    return await measure(client, performance.now() - openStarted, diagnostics.length);
  } finally {
    await client.stop();
  }
}

async function measurePlan(milestoneCount: number, dirty: boolean): Promise<PlanRow> {
  const load = loadavg()[0]!;
  const text = generatePlan(milestoneCount, { dirty });
  const lines = text.split('\n');
  const uri = `file:///bench/plan-${milestoneCount}${dirty ? '-dirty' : ''}.milestones.yaml`;
  const pulled = await withPlan('pull', uri, text, async (client, open, problems) => {
    const names = keystrokesOf(await typeInNames(client, uri, lines));
    const changing = keystrokesOf(await breakDueDates(client, uri, lines));
    const completions = await completionMedians(client, uri, lines);
    const hover = await requestMedian(client, spread(lines, (line) => line.indexOf('HSC'), samples), (position) => ({ textDocument: { uri }, position }), 'textDocument/hover');
    const codeActions = await requestMedian(
      client,
      spread(lines, (line) => (/^ {6}- /.test(line) ? 8 : -1), samples),
      (position) => ({ textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }),
      'textDocument/codeAction',
    );
    return { open, problems, names, changing, completions, hover, codeActions, peakMb: peakMemoryMb(client.process.pid!) };
  });
  const pushed = await withPlan('push', uri, text, async (client) => keystrokesOf(await typeInNames(client, uri, lines)));
  return {
    label: dirty ? 'dirty' : 'clean',
    load,
    milestones: milestoneCount,
    problems: pulled.problems,
    sizeMb: Buffer.byteLength(text) / 1024 / 1024,
    bareParse: bareParseMs(text),
    open: pulled.open,
    pulled: pulled.names,
    pushed,
    changing: pulled.changing,
    peakMb: pulled.peakMb,
    completions: pulled.completions,
    hover: pulled.hover,
    codeActions: pulled.codeActions,
  };
}

function printPlans(rows: readonly PlanRow[]): void {
  console.log('| plan | milestones | load | problems | size | bare yaml parse (uniqueKeys: false) | open → diagnostics | keystroke in a name → current diagnostics, pulled: median | max | pushed: median | max | keystroke that changes them, pulled: median | max | server peak memory |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.label} | ${count(row.milestones)} | ${row.load.toFixed(1)} | ${count(row.problems)} | ${row.sizeMb.toFixed(1)} MB | ${format(row.bareParse)} ms | ${format(row.open)} ms (${(row.open / row.bareParse).toFixed(2)}×) | ${format(row.pulled.median)} ms | ${format(row.pulled.max)} ms | ${format(row.pushed.median)} ms | ${format(row.pushed.max)} ms | ${format(row.changing.median)} ms | ${format(row.changing.max)} ms | ${format(row.peakMb)} MB |`,
    );
  }
  console.log('');
  console.log('| plan | milestones | completion: feature IDs, median | acronyms | keys | most items | hover, median | code actions, median |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const { features, acronyms, keys, mostItems } = row.completions;
    console.log(`| ${row.label} | ${count(row.milestones)} | ${format(features)} ms | ${format(acronyms)} ms | ${format(keys)} ms | ${count(mostItems)} | ${format(row.hover)} ms | ${format(row.codeActions)} ms |`);
  }
}

interface WorkspaceRow {
  files: number;
  milestones: number;
  sizeMb: number;
  problems: number;
  firstDiagnostics: number;
  keystrokeMedian: number;
  keystrokeMax: number;
  crossMedian: number;
  crossMax: number;
  peakMb: number;
}

/**
 * The workspace of 100 files: the server indexes the folder, one file is opened; keystrokes in its
 * names, and keystrokes that move a feature's due date past the milestone that lists it (in
 * another file, not open) and back, each timed until both files' diagnostics have arrived.
 */
async function measureWorkspace(fileCount: number, milestoneCount: number): Promise<WorkspaceRow> {
  const folder = mkdtempSync(join(tmpdir(), 'milestones-bench-workspace-'));
  try {
    const files = generateWorkspace(fileCount, milestoneCount, { dirty: true });
    for (const [name, text] of files) writeFileSync(join(folder, name), text);
    const names = [...files.keys()];
    const edited = names[1]!;
    const text = files.get(edited)!;
    const lines = text.split('\n');
    const uri = pathToFileURL(join(folder, edited)).href;
    const listingUri = pathToFileURL(join(folder, names[0]!)).href; // lists the features file 1 defines
    const started = performance.now();
    const client = await TestClient.start({ folders: [folder], settings: { maxFileSize: 64 * 1024 * 1024 } });
    client.diagnosticsTimeout = 600_000;
    try {
      await client.open(uri, text);
      const firstDiagnostics = performance.now() - started;
      // Every file's diagnostics were sent with the open file's: a request answered after them counts them all.
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      let problems = 0;
      for (const list of client.diagnostics.values()) problems += list.length;
      const times = await typeInNames(client, uri, lines);
      // The due dates of features listed as item 2 of their milestone (never a misspelt listing).
      const dueLines = lines.map((line, index) => (/^ {2}P0-FEAT-\d+-1:$/.test(line) ? index + 2 : -1)).filter((index) => index >= 0 && lines[index]!.startsWith('    due: '));
      const cross: number[] = [];
      for (let stroke = 0; stroke < keystrokes; stroke++) {
        const line = dueLines[Math.floor(((stroke + 0.5) / keystrokes) * dueLines.length)]!;
        const range = { start: { line, character: 9 }, end: { line, character: 19 } };
        for (const date of ['2029-12-31', lines[line]!.slice(9, 19)]) {
          const begun = performance.now();
          const listing = client.waitForDiagnostics(listingUri);
          await client.change(uri, range, date);
          await listing;
          cross.push(performance.now() - begun);
        }
      }
      return {
        files: fileCount,
        milestones: milestoneCount,
        sizeMb: [...files.values()].reduce((sum, file) => sum + Buffer.byteLength(file), 0) / 1024 / 1024,
        problems,
        firstDiagnostics,
        keystrokeMedian: median(times),
        keystrokeMax: Math.max(...times),
        crossMedian: median(cross),
        crossMax: Math.max(...cross),
        peakMb: peakMemoryMb(client.process.pid!),
      };
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function printWorkspace(row: WorkspaceRow, cleanPlan: PlanRow | undefined): void {
  console.log('| workspace | size | problems | start → first diagnostics | keystroke in a name, median | max | keystroke changing another file\'s problems, median | max | server peak memory |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${row.files} files × ${row.milestones} milestones, dirty, features in other files | ${row.sizeMb.toFixed(1)} MB | ${count(row.problems)} | ${format(row.firstDiagnostics)} ms | ${format(row.keystrokeMedian)} ms | ${format(row.keystrokeMax)} ms | ${format(row.crossMedian)} ms | ${format(row.crossMax)} ms | ${format(row.peakMb)} MB |`,
  );
  if (cleanPlan) {
    console.log(
      `| beside it: one clean plan of ${count(cleanPlan.milestones)} milestones | ${cleanPlan.sizeMb.toFixed(1)} MB | ${count(cleanPlan.problems)} | ${format(cleanPlan.open)} ms (open) | ${format(cleanPlan.pulled.median)} ms | ${format(cleanPlan.pulled.max)} ms | | | ${format(cleanPlan.peakMb)} MB |`,
    );
  }
}

interface GlossaryRow {
  rows: number;
  cli: number;
  firstDiagnostics: number;
  keystrokeMedian: number;
  completions: Completions;
}

/** The command line's time (median of three runs) and the server's, on the dirty plan of 1,000 milestones, with and without the glossary. */
async function measureGlossary(rows: number, glossary: boolean, folder: string, planName: string): Promise<GlossaryRow> {
  const args = [cliPath, 'check', '--as-of', '2021-08-11', ...(glossary ? ['--glossary', 'glossary.csv'] : []), planName];
  const cliTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    cliTimes.push(performance.now() - started);
    if (result.status !== 0 && result.status !== 1) throw new Error(`the command line failed: ${result.stderr}`);
  }
  const text = readFileSync(join(folder, planName), 'utf8');
  const lines = text.split('\n');
  const uri = pathToFileURL(join(folder, planName)).href;
  const started = performance.now();
  const client = await TestClient.start({ folders: [folder], settings: { maxFileSize: 64 * 1024 * 1024, glossaryFiles: glossary ? ['glossary.csv'] : [] } });
  client.diagnosticsTimeout = 600_000;
  try {
    await client.open(uri, text);
    const firstDiagnostics = performance.now() - started;
    const times = await typeInNames(client, uri, lines);
    const completions = await completionMedians(client, uri, lines);
    return { rows: glossary ? rows : 0, cli: median(cliTimes), firstDiagnostics, keystrokeMedian: median(times), completions };
  } finally {
    await client.stop();
  }
}

function printGlossary(rows: readonly GlossaryRow[]): void {
  console.log('| glossary CSV | command line, dirty 1,000 milestones | server start → first diagnostics | keystroke, median | completion: acronyms, median | feature IDs | keys | most items |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const { features, acronyms, keys, mostItems } = row.completions;
    console.log(
      `| ${row.rows === 0 ? 'none' : `${count(row.rows)} rows`} | ${format(row.cli)} ms | ${format(row.firstDiagnostics)} ms | ${format(row.keystrokeMedian)} ms | ${format(acronyms)} ms | ${format(features)} ms | ${format(keys)} ms | ${count(mostItems)} |`,
    );
  }
}

/** Loading the CSV in this process (read and parsed into entries), then the glossary built from them and its terms indexed (the first "did you mean"): the median of five, after one to warm up. */
async function measureGlossaryLoad(folder: string, rows: number): Promise<{ rows: number; load: number; build: number }> {
  const loads: number[] = [];
  const builds: number[] = [];
  for (let run = 0; run < 6; run++) {
    let started = performance.now();
    const loaded = await loadGlossaries(nodeFileSystem, pathToFileURL(folder).href, ['glossary.csv'], '');
    const load = performance.now() - started;
    started = performance.now();
    new Glossary(loaded.entries).suggest('QZZZ');
    const build = performance.now() - started;
    if (run === 0) continue;
    loads.push(load);
    builds.push(build);
  }
  return { rows, load: median(loads), build: median(builds) };
}

function printGlossaryLoad(row: { rows: number; load: number; build: number }): void {
  console.log('');
  console.log(`| glossary CSV of ${count(row.rows)} rows | read and parsed, median | the glossary built and its terms indexed, median |`);
  console.log('|---|---:|---:|');
  console.log(`| in the server's process | ${format(row.load)} ms | ${format(row.build)} ms |`);
}

interface LinkedRow {
  milestones: number;
  links: number;
  problems: number;
  open: number;
  nameMedian: number;
  nameMax: number;
  linkMedian: number;
  linkMax: number;
  peakMb: number;
}

/** The dirty plan with predecessor links: open, a keystroke in a name, a keystroke that changes a link. */
async function measureLinkedPlan(milestoneCount: number): Promise<LinkedRow> {
  const text = generatePlan(milestoneCount, { dirty: true, links: true });
  const lines = text.split('\n');
  const uri = `file:///bench/plan-${milestoneCount}-linked.milestones.yaml`;
  const client = await TestClient.start({ settings: { maxFileSize: 64 * 1024 * 1024 } });
  client.diagnosticsTimeout = 600_000;
  try {
    await client.request('milestones/planSnapshot');
    const openStarted = performance.now();
    const diagnostics = await client.open(uri, text);
    const open = performance.now() - openStarted;
    const names = await typeInNames(client, uri, lines);
    const links = await typeInPredecessors(client, uri, lines);
    return {
      milestones: milestoneCount,
      links: lines.filter((line) => line.startsWith('    predecessors: [')).reduce((sum, line) => sum + line.split(',').length, 0),
      problems: diagnostics.length,
      open,
      nameMedian: median(names),
      nameMax: Math.max(...names),
      linkMedian: median(links),
      linkMax: Math.max(...links),
      peakMb: peakMemoryMb(client.process.pid!),
    };
  } finally {
    await client.stop();
  }
}

function printLinked(row: LinkedRow): void {
  console.log('| dirty plan with links | links | problems | open → diagnostics | keystroke in a name, median | max | keystroke in a predecessors list, median | max | server peak memory |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${count(row.milestones)} milestones | ${count(row.links)} | ${count(row.problems)} | ${format(row.open)} ms | ${format(row.nameMedian)} ms | ${format(row.nameMax)} ms | ${format(row.linkMedian)} ms | ${format(row.linkMax)} ms | ${format(row.peakMb)} MB |`,
  );
}

async function main(): Promise<void> {
  const plans: PlanRow[] = [];
  if (only.has('plans') || only.has('clean') || only.has('dirty')) {
    for (const size of sizes) {
      if (!only.has('dirty') || only.has('clean') || only.has('plans')) plans.push(await measurePlan(size, false));
      if (!only.has('clean') || only.has('dirty') || only.has('plans')) plans.push(await measurePlan(size, true));
    }
    printPlans(plans);
    if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify({ loadAverage: loadavg(), plans }, null, 2)}\n`);
    console.log('');
  }
  if (only.has('workspace')) {
    const row = await measureWorkspace(100, 100);
    printWorkspace(row, plans.find((plan) => plan.label === 'clean' && plan.milestones === 10_000));
    console.log('');
  }
  if (only.has('links')) {
    printLinked(await measureLinkedPlan(10_000));
    console.log('');
  }
  if (only.has('glossary')) {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-bench-glossary-'));
    try {
      mkdirSync(folder, { recursive: true });
      const rows = 100_000;
      writeFileSync(join(folder, 'glossary.csv'), generateGlossaryCsv(rows));
      writeFileSync(join(folder, 'plan.milestones.yaml'), generatePlan(1000, { dirty: true }));
      printGlossary([await measureGlossary(rows, false, folder, 'plan.milestones.yaml'), await measureGlossary(rows, true, folder, 'plan.milestones.yaml')]);
      printGlossaryLoad(await measureGlossaryLoad(folder, rows));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  if (only.has('history')) {
    const rows: HistoryRow[] = [];
    for (const { milestones, commits } of historyCases()) rows.push(await measureHistory(milestones, commits, samples));
    printHistory(rows);
  }
  if (only.has('float')) printFloat(await measureFloat(10_000, keystrokes, samples));
  if (only.has('import')) printImport(await measureImport());
}

void main();
