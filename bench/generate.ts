// Generates milestone plans of a given size for the benchmark: N milestones with five features
// each, names and descriptions with acronyms, completed before `asOf` and open after it, with one
// feature in fifty due after its milestone so that diagnostics are not empty.

export function generatePlan(milestoneCount: number): string {
  const lines: string[] = [
    '# A generated plan for benchmarks.',
    'document: BENCH-1',
    'title: Generated release plan',
    'asOf: 2021-08-11',
    'milestones:',
  ];
  const features: string[] = ['features:'];
  // Dates run from 2017 to 2026; asOf (2021-08-11) falls in the middle.
  const first = Date.UTC(2017, 0, 1);
  const span = 3650;
  const asOf = '2021-08-11';
  const day = (offset: number) => new Date(first + Math.min(offset, span + 90) * 86_400_000).toISOString().slice(0, 10);
  for (let m = 0; m < milestoneCount; m++) {
    const at = Math.floor((m / milestoneCount) * span) + 30;
    const due = day(at);
    const completed = due <= asOf;
    lines.push(`  REL-${m}:`);
    lines.push(`    name: Release ${m} of the DM pipelines with HSC data`);
    lines.push(`    due: ${due}`);
    if (completed) lines.push(`    completed: ${due}`);
    lines.push('    level: 2');
    lines.push('    description: >-');
    lines.push(`      Demonstrates the AP and DRP payloads at NCSA for release ${m}.`);
    lines.push('    features:');
    for (let f = 0; f < 5; f++) {
      const id = `FEAT-${m}-${f}`;
      lines.push(`      - ${id}`);
      // One feature in fifty is due after its milestone.
      const featureDue = (m * 5 + f) % 50 === 0 ? day(at + 30) : day(at - 30 + f);
      features.push(`  ${id}:`);
      features.push(`    name: Feature ${f} of release ${m}, with the LSST Science Platform and TAP.`);
      features.push(`    due: ${featureDue}`);
      if (completed) features.push(`    completed: ${featureDue}`);
      features.push(`    wbs: 02C.03.${f}`);
    }
  }
  return `${lines.join('\n')}\n${features.join('\n')}\n`;
}
