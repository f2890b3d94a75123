// `npm run bench`: measures the language server over LSP as a client sees it, on generated plans
// of 1,000 and 10,000 milestones: open → diagnostics, keystroke → fresh diagnostics, peak memory,
// beside a bare `yaml` parse of the same text.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { TestClient } from '../test/helpers/lspClient';
import { generatePlan } from './generate';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const keystrokes = Number(process.env.BENCH_KEYSTROKES ?? 40);

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

function bareParseMs(text: string): number {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    parseDocument(text, { uniqueKeys: false });
    times.push(performance.now() - started);
  }
  return median(times);
}

interface Row {
  completion: number;
  hover: number;
  codeActions: number;
  milestones: number;
  sizeMb: number;
  bareParse: number;
  open: number;
  keystrokeMedian: number;
  keystrokeMax: number;
  peakMb: number;
}

async function measure(milestoneCount: number): Promise<Row> {
  const text = generatePlan(milestoneCount);
  const lines = text.split('\n');
  const uri = `file:///bench/plan-${milestoneCount}.milestones.yaml`;
  const client = await TestClient.start({ settings: { maxFileSize: 64 * 1024 * 1024 } });
  client.diagnosticsTimeout = 300_000;
  try {
    await client.request('milestones/planSnapshot'); // the server is up and configured
    const openStarted = performance.now();
    await client.open(uri, text);
    const open = performance.now() - openStarted;

    // Keystrokes spread through the file: type a character into a name, then delete it.
    const nameLines = lines.map((line, index) => (line.includes('    name: ') ? index : -1)).filter((index) => index >= 0);
    const times: number[] = [];
    for (let stroke = 0; stroke < keystrokes; stroke++) {
      const line = nameLines[Math.floor(((stroke + 0.5) / keystrokes) * nameLines.length)]!;
      const character = lines[line]!.length;
      let started = performance.now();
      await client.change(uri, { start: { line, character }, end: { line, character } }, 'x');
      times.push(performance.now() - started);
      started = performance.now();
      await client.change(uri, { start: { line, character }, end: { line, character: character + 1 } }, '');
      times.push(performance.now() - started);
    }
    // Editing requests at positions spread through the file, as VS Code sends them.
    const request = async (method: string, params: (line: number, character: number) => unknown, pick: (line: string) => number) => {
      const samples: number[] = [];
      const targets = lines.map((line, index) => (pick(line) >= 0 ? index : -1)).filter((index) => index >= 0);
      for (let sample = 0; sample < 30; sample++) {
        const line = targets[Math.floor(((sample + 0.5) / 30) * targets.length)]!;
        const started = performance.now();
        await client.request(method, params(line, pick(lines[line]!)));
        samples.push(performance.now() - started);
      }
      return median(samples);
    };
    const completion = await request('textDocument/completion', (line, character) => ({ textDocument: { uri }, position: { line, character } }), (line) => (/^      - FEAT/.test(line) ? line.length : -1));
    const hover = await request('textDocument/hover', (line, character) => ({ textDocument: { uri }, position: { line, character } }), (line) => line.indexOf('HSC'));
    const codeActions = await request(
      'textDocument/codeAction',
      (line, character) => ({ textDocument: { uri }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: [] } }),
      (line) => (/^      - FEAT/.test(line) ? 8 : -1),
    );
    return {
      completion,
      hover,
      codeActions,
      milestones: milestoneCount,
      sizeMb: Buffer.byteLength(text) / 1024 / 1024,
      bareParse: bareParseMs(text),
      open,
      keystrokeMedian: median(times),
      keystrokeMax: Math.max(...times),
      peakMb: peakMemoryMb(client.process.pid!),
    };
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const size of sizes) rows.push(await measure(size));
  printTable(rows);
  console.log('');
  console.log('| milestones | completion, median | hover, median | code actions, median |');
  console.log('|---:|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.milestones.toLocaleString('en')} | ${format(row.completion)} ms | ${format(row.hover)} ms | ${format(row.codeActions)} ms |`);
}

const format = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function printTable(rows: Row[]): void {
  console.log('| milestones | plan size | bare yaml parse (uniqueKeys: false) | open → diagnostics | keystroke → diagnostics, median | keystroke, max | server peak memory |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.milestones.toLocaleString('en')} | ${row.sizeMb.toFixed(1)} MB | ${format(row.bareParse)} ms | ${format(row.open)} ms (${(row.open / row.bareParse).toFixed(2)}×) | ${format(row.keystrokeMedian)} ms | ${format(row.keystrokeMax)} ms | ${format(row.peakMb)} MB |`,
    );
  }
}

void main();
