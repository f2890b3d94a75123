// The export (server/src/service/features/export.ts) in memory: a small plan in two files, and the
// exact Markdown and LaTeX of LDM-564 §3's form.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPlan } from '../helpers/cursor';

const releases = `asOf: 2021-08-11
milestones:
  LDM-503-09:
    name: "Ops rehearsal for commissioning #1"
    due: 2019-11-30
  LDM-503-05:
    name: Alert distribution validation
    due: 2018-07-17
    completed: 2018-07-17
    features:
      - DM-NCSA-8
      - DM-NCSA-9
      - DM-XX-1
`;

const features = `features:
  DM-NCSA-8:
    name: Alert Filtering Service receives 100% of alert_streams
    due: 2021-07-01
  DM-NCSA-9:
    name: Test instance of alert distribution & L1 database
    due: 2018-05-31
    completed: 2018-05-3
`;

const { service } = openPlan(releases, { other: features });

describe('export', () => {
  test('Markdown: milestones in (due, ID) order, their features in (due, ID) order, with dates and state', () => {
    assert.equal(
      service.exportPlan('md'),
      `### Alert distribution validation: LDM-503-05

*Due: 2018-07-17; completed 2018-07-17.*

- DM-NCSA-9: Test instance of alert distribution & L1 database (*Due: 2018-05-31; completed (date not valid)*)
- DM-NCSA-8: Alert Filtering Service receives 100% of alert_streams (*Due: 2021-07-01; currently incomplete*)
- DM-XX-1: (not defined in any plan)

### Ops rehearsal for commissioning #1: LDM-503-09

*Due: 2019-11-30; currently incomplete.*

No new functionality is associated with this milestone, which represents a refined or improved version of earlier deliveries.
`,
    );
  });

  test("LaTeX: the same, as subsections and itemized lists, with LaTeX's special characters escaped", () => {
    assert.equal(
      service.exportPlan('tex'),
      `\\subsection{Alert distribution validation: LDM-503-05}

\\textit{Due: 2018-07-17; completed 2018-07-17.}

\\begin{itemize}
\\item \\textbf{DM-NCSA-9}: Test instance of alert distribution \\& L1 database (\\textit{Due: 2018-05-31; completed (date not valid)})
\\item \\textbf{DM-NCSA-8}: Alert Filtering Service receives 100\\% of alert\\_streams (\\textit{Due: 2021-07-01; currently incomplete})
\\item \\textbf{DM-XX-1}: (not defined in any plan)
\\end{itemize}

\\subsection{Ops rehearsal for commissioning \\#1: LDM-503-09}

\\textit{Due: 2019-11-30; currently incomplete.}

No new functionality is associated with this milestone, which represents a refined or improved version of earlier deliveries.
`,
    );
  });
});
