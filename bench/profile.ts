// Drives the language service in this process on a generated plan (open, then keystrokes in names),
// for a CPU profile of what the server does: `node --cpu-prof --import tsx bench/profile.ts`.
// PROFILE_MILESTONES (default 1000), PROFILE_CLEAN=1 for a clean plan, PROFILE_KEYSTROKES (default 40).
import { performance } from 'node:perf_hooks';
import { createPlanService } from '../server/src/service';
import { generatePlan } from './generate';

const milestones = Number(process.env.PROFILE_MILESTONES ?? 1000);
const keystrokes = Number(process.env.PROFILE_KEYSTROKES ?? 40);
const uri = 'file:///profile/plan.milestones.yaml';
const service = createPlanService();
service.setSettings({ asOf: '2021-08-11', maxFileSize: 64 * 1024 * 1024 });
let text = generatePlan(milestones, { dirty: process.env.PROFILE_CLEAN !== '1' });
let started = performance.now();
service.setFile(uri, text);
const count = service.problems(uri).length;
console.log(`open: ${(performance.now() - started).toFixed(1)} ms, ${count} problems`);
const names: number[] = [];
for (let at = text.indexOf('\n    name: '); at >= 0; at = text.indexOf('\n    name: ', at + 1)) names.push(text.indexOf('\n', at + 1));
const times: number[] = [];
for (let stroke = 0; stroke < keystrokes; stroke++) {
  const offset = names[Math.floor(((stroke + 0.5) / keystrokes) * names.length)]!;
  for (const edit of [{ start: offset, end: offset, text: 'x' }, { start: offset, end: offset + 1, text: '' }]) {
    started = performance.now();
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    service.setFile(uri, text, edit);
    service.analyze();
    times.push(performance.now() - started);
  }
}
times.sort((a, b) => a - b);
console.log(`keystroke: median ${times[times.length >> 1]!.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`);
