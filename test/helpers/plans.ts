// Helpers for tests of the service core: analyse in-memory plans and describe problems by the
// text they cover, so that assertions read like the plan itself.
import { createPlanService, type PlanService, type ReportedProblem, type Settings } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/text/lineIndex';

export interface Found {
  code: string;
  severity: string;
  /** The text the problem's range covers. */
  text: string;
  /** 1-based line of the start. */
  line: number;
  message: string;
}

export function workspaceOf(files: Record<string, string>, settings: Partial<Settings> = {}): PlanService {
  const workspace = createPlanService();
  workspace.setSettings(settings);
  for (const [name, text] of Object.entries(files)) workspace.setFile(`file:///plans/${name}`, text);
  return workspace;
}

export function describeProblems(workspace: PlanService, name: string): Found[] {
  const uri = `file:///plans/${name}`;
  const text = workspace.getFile(uri)!.text;
  const lines = new LineIndex(text);
  return workspace.problems(uri).map((problem: ReportedProblem) => ({
    code: problem.code,
    severity: problem.severity,
    text: text.slice(problem.start, problem.end),
    line: lines.positionAt(problem.start).line + 1,
    message: problem.message,
  }));
}

/** Problems of a single plan, judged as of `asOf` unless the settings say otherwise. */
export function check(text: string, settings: Partial<Settings> = {}): Found[] {
  return describeProblems(workspaceOf({ 'a.milestones.yaml': text }, { asOf: '2021-08-11', ...settings }), 'a.milestones.yaml');
}

export function codes(found: Found[], code?: string): Found[] {
  return code ? found.filter((problem) => problem.code === code) : found;
}

/**
 * A plan with predecessor links, for the editing features: LDM-503-09 waits for LDM-503-08, which
 * waits for LDM-503-07 (due last: it drives) and for the feature DM-DRP-1.
 */
export const linkedReleases = `asOf: 2021-08-11
milestones:
  LDM-503-07:
    name: Camera data processing
    due: 2018-11-30
    completed: 2018-11-30
  LDM-503-08:
    name: Spectrograph data acquisition
    due: 2018-12-31
    predecessors: [LDM-503-07, DM-DRP-1]
  LDM-503-09:
    name: Small scale DRP run
    due: 2019-01-31
    predecessors:
      - LDM-503-08
features:
  DM-DRP-1:
    name: Single frame processing
    due: 2018-10-01
`;
