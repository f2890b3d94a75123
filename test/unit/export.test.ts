// The export regenerates LDM-564 §3 as published from the example plan, milestone by milestone
// and feature by feature, in Markdown; LaTeX has the same content with special characters escaped.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { escapeLatex, noNewFunctionality } from '../../server/src/service/features/export';
import { createPlanService, type PlanService } from '../../server/src/service';
import { parseReleases, publishedReleases } from '../helpers/ldm564';

function examplePlan(): PlanService {
  const workspace = createPlanService();
  workspace.setFile('file:///examples/ldm-564.milestones.yaml', readFileSync(new URL('../../examples/ldm-564.milestones.yaml', import.meta.url), 'utf8'));
  return workspace;
}

describe('export', () => {
  test('Markdown: LDM-564 §3 as published, milestone by milestone and feature by feature', () => {
    const exported = parseReleases(examplePlan().exportPlan('md'));
    const published = publishedReleases();
    assert.equal(exported.length, 35);
    assert.deepEqual(
      exported.map(({ section: _, ...release }) => release),
      published.map(({ section: _, ...release }) => release),
    );
    assert.equal(exported.filter((release) => release.noNewFunctionality).length, 12);
  });

  test('Markdown: the exact lines of a milestone with an incomplete feature', () => {
    const markdown = examplePlan().exportPlan('md');
    assert.ok(markdown.includes(
      [
        '### Alert distribution validation: LDM-503-05',
        '',
        '*Due: 2018-07-17; completed 2018-07-17.*',
        '',
        '- DM-NCSA-9: Test instance of alert distribution hosting service and L1 database in Development & Integration Enclave (*Due: 2019-05-31; completed 2019-05-31*)',
        '- DM-NCSA-8: Alert Filtering Service receives alert streams (*Due: 2021-07-01; currently incomplete*)',
      ].join('\n'),
    ));
    assert.ok(markdown.includes(`### Small Scale COOB Data Access: LDM-503-08b\n\n*Due: 2019-07-15; completed 2019-07-15.*\n\n${noNewFunctionality}`));
  });

  test('LaTeX: subsections and items, special characters escaped', () => {
    const latex = examplePlan().exportPlan('tex');
    assert.equal((latex.match(/\\subsection\{/g) ?? []).length, 35);
    assert.ok(latex.includes('\\subsection{Ops rehearsal for commissioning \\#1: LDM-503-09}'));
    assert.ok(latex.includes('\\item \\textbf{DM-AP-2}: Alard \\& Lupton-style image differencing. (\\textit{Due: 2017-11-01; completed 2017-11-01})'));
    assert.equal(escapeLatex('50% of $x_1 & {y} ~ ^ \\'), '50\\% of \\$x\\_1 \\& \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  });
});
