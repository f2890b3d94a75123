// The editor's "Import Schedule…" and "Update From Schedule…" in the language server: the schedule
// file read from disk (the Node server only), mapped to a plan, and either the new plan's text or
// the minimal edits of the plan being updated, for the extension to show before anything is written.
import type { ImportScheduleParams, ImportScheduleResult } from '../../../common/requests';
import type { PlanService } from '../service';
import { diffSummary } from '../service/history/planDiff';
import { updatePlan } from '../service/schedules/planUpdate';
import { ScheduleError, type Schedule } from '../service/schedules/schedule';
import { planYaml, scheduleToPlan } from '../service/schedules/scheduleToPlan';

/** Reads a schedule file; a ScheduleError names what is wrong. Only where there is a disk. */
export type ScheduleReader = (path: string, options: { project?: string; encoding?: string }) => Promise<Schedule>;

export const noDiskMessage = 'Importing a schedule needs VS Code on the desktop, which can read the file: in the browser, run `milestones import` on your computer and commit the plan.';

export async function importSchedule(params: ImportScheduleParams, service: PlanService, read: ScheduleReader | undefined, pathOf: (uri: string) => string): Promise<ImportScheduleResult> {
  if (!read) return { error: noDiskMessage, summary: '', notes: [] };
  const options = params.options ?? {};
  const name = pathOf(params.schedule).split(/[\\/]/).pop() ?? params.schedule;
  let plan;
  try {
    plan = scheduleToPlan(await read(pathOf(params.schedule), { project: options.project, encoding: options.encoding }), options);
  } catch (error) {
    if (error instanceof ScheduleError) return { error: `${name}${error.place ? `, ${error.place}` : ''}: ${error.message}`, summary: '', notes: [] };
    throw error;
  }
  const notes = plan.notes.map((note) => `${name}, ${note}`);
  const milestones = plan.items.filter((item) => item.kind === 'milestone').length;
  if (params.into === undefined) {
    return { text: planYaml(plan), summary: `${milestones} milestones and ${plan.items.length - milestones} features from ${name}.`, notes };
  }
  const file = service.getFile(params.into);
  if (!file) return { error: `${params.into} is not a plan the language server has open.`, summary: '', notes };
  const update = updatePlan(file, plan, { prune: options.prune, features: options.features });
  if (update.gone.length > 0) notes.push(`Gone from the schedule, ${options.prune ? 'removed' : 'kept'}: ${update.gone.join(', ')}.`);
  return { edits: update.edits, summary: update.edits.length === 0 ? `The plan is up to date with ${name}.` : `From ${name}: ${diffSummary(update.changes)}.`, notes };
}
