// Draws the cost of a keystroke (and of opening a plan) against the plan's size, from the figures
// `npm run bench` writes with BENCH_JSON, as a small SVG for the docs and the same as a PNG beside it
// for the README (the extension's page shows no SVG):
// `node --import tsx bench/chart.ts FIGURES.json [BEFORE.json] [OUT.svg]` (default
// docs/images/keystroke-cost.svg). BEFORE, when given, holds the same plans measured on the code
// before the work the chart shows: `{ "plans": [{ "label", "sizeMb", "keystroke" }] }`.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';

interface Figures {
  loadAverage?: number[];
  plans: { label: string; milestones: number; sizeMb: number; bareParse: number; open: number; pulled: { median: number }; pushed: { median: number }; changing: { median: number } }[];
}

interface Before {
  plans: { label: string; sizeMb: number; keystroke: number }[];
}

interface Series {
  name: string;
  colour: string;
  dashed?: boolean;
  points: [number, number][];
}

const [figuresPath, beforePath, outPath = resolve(__dirname, '../docs/images/keystroke-cost.svg')] = process.argv.slice(2);
if (!figuresPath) throw new Error('usage: node --import tsx bench/chart.ts FIGURES.json [BEFORE.json] [OUT.svg]');
const figures = JSON.parse(readFileSync(figuresPath, 'utf8')) as Figures;
const before = beforePath ? (JSON.parse(readFileSync(beforePath, 'utf8')) as Before) : undefined;

const dirty = figures.plans.filter((plan) => plan.label === 'dirty').sort((a, b) => a.sizeMb - b.sizeMb);
const clean = figures.plans.filter((plan) => plan.label === 'clean').sort((a, b) => a.sizeMb - b.sizeMb);
const series: Series[] = [
  { name: 'open → diagnostics, dirty', colour: '#6b6b6b', points: dirty.map((plan) => [plan.sizeMb, plan.open]) },
  { name: 'bare yaml parse of the text', colour: '#6b6b6b', dashed: true, points: dirty.map((plan) => [plan.sizeMb, plan.bareParse]) },
  ...(before ? [{ name: 'name keystroke before: all sent again', colour: '#c0392b', dashed: true, points: before.plans.filter((plan) => plan.label === 'dirty').map((plan): [number, number] => [plan.sizeMb, plan.keystroke]) }] : []),
  { name: 'date keystroke, pulled, dirty', colour: '#d68910', points: dirty.map((plan) => [plan.sizeMb, plan.changing.median]) },
  { name: 'name keystroke, pushed, dirty', colour: '#7d3c98', points: dirty.map((plan) => [plan.sizeMb, plan.pushed.median]) },
  { name: 'name keystroke, pulled, dirty', colour: '#1f618d', points: dirty.map((plan) => [plan.sizeMb, plan.pulled.median]) },
  { name: 'name keystroke, pulled, clean', colour: '#1f618d', dashed: true, points: clean.map((plan) => [plan.sizeMb, plan.pulled.median]) },
];

// Both axes logarithmic: sizes from 1 to 50 MB, times from a millisecond to a minute.
const width = 720;
const height = 420;
const margin = { left: 64, right: 270, top: 24, bottom: 48 };
const [xLow, xHigh] = [0.7, 70];
const [yLow, yHigh] = [0.5, 200_000];
const x = (mb: number) => margin.left + ((Math.log10(mb) - Math.log10(xLow)) / (Math.log10(xHigh) - Math.log10(xLow))) * (width - margin.left - margin.right);
const y = (ms: number) => height - margin.bottom - ((Math.log10(Math.max(ms, yLow)) - Math.log10(yLow)) / (Math.log10(yHigh) - Math.log10(yLow))) * (height - margin.top - margin.bottom);
const round = (value: number) => Math.round(value * 10) / 10;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const parts: string[] = [];
parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
for (const [ms, label] of [[1, '1 ms'], [10, '10 ms'], [100, '100 ms'], [1000, '1 s'], [10_000, '10 s'], [100_000, '100 s']] as const) {
  parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${round(y(ms))}" y2="${round(y(ms))}" stroke="#e5e5e5"/>`);
  parts.push(`<text x="${margin.left - 6}" y="${round(y(ms)) + 4}" text-anchor="end" fill="#444">${label}</text>`);
}
for (const mb of [1, 10, 50]) {
  parts.push(`<line x1="${round(x(mb))}" x2="${round(x(mb))}" y1="${margin.top}" y2="${height - margin.bottom}" stroke="#e5e5e5"/>`);
  parts.push(`<text x="${round(x(mb))}" y="${height - margin.bottom + 16}" text-anchor="middle" fill="#444">${mb} MB</text>`);
}
parts.push(`<text x="${(margin.left + width - margin.right) / 2}" y="${height - 10}" text-anchor="middle" fill="#222">plan size (1,000 · 10,000 · 50,000 milestones), median time</text>`);
series.forEach((line, index) => {
  if (line.points.length === 0) return;
  const path = line.points.map(([mb, ms], at) => `${at === 0 ? 'M' : 'L'}${round(x(mb))},${round(y(ms))}`).join(' ');
  parts.push(`<path d="${path}" fill="none" stroke="${line.colour}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
  for (const [mb, ms] of line.points) parts.push(`<circle cx="${round(x(mb))}" cy="${round(y(ms))}" r="3" fill="${line.colour}"/>`);
  const legendY = margin.top + 8 + index * 20;
  const legendX = width - margin.right + 16;
  parts.push(`<line x1="${legendX}" x2="${legendX + 24}" y1="${legendY}" y2="${legendY}" stroke="${line.colour}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
  parts.push(`<text x="${legendX + 30}" y="${legendY + 4}" fill="#222">${escape(line.name)}</text>`);
});
if (figures.loadAverage) parts.push(`<text x="${width - margin.right + 16}" y="${height - margin.bottom}" fill="#666">load average ${figures.loadAverage.map((load) => load.toFixed(1)).join(', ')}</text>`);
parts.push('</svg>');
writeFileSync(outPath, `${parts.join('\n')}\n`);
const pngPath = outPath.replace(/\.svg$/, '.png');
void sharp(outPath, { density: 144 })
  .png({ palette: true, colours: 64, compressionLevel: 9 })
  .toFile(pngPath)
  .then(() => console.log(`${outPath} and ${pngPath}: ${series.length} lines`));
