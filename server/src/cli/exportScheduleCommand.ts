// `milestones export --format mspdi|ics`: the plan (with its overrides files applied) as a
// Microsoft Project XML file or an iCalendar file, to standard output.
import * as path from 'node:path';
import { uriPath } from '../host/nodeFileSystem';
import type { PlanService } from '../service';
import { exportItems } from '../service/schedules/exportItems';
import { icsExport } from '../service/schedules/icsExport';
import { mspdiExport } from '../service/schedules/mspdiExport';
import type { CliResult } from './command';

/** `service` holds the plans and the overrides files given. */
export function exportSchedule(format: 'mspdi' | 'ics', service: PlanService, cwd: string, options: { linkBase?: string }): CliResult {
  const plans = service.allFiles();
  const items = exportItems(service.effectivePlan(), plans);
  // The date of the plans as a whole, as the views judge them.
  const asOf = service.snapshot().asOf;
  const titled = plans.map((plan) => plan.top.get('title')?.value).find((value) => typeof value === 'string');
  const title = typeof titled === 'string' ? titled : undefined;
  const stderr = `${items.length} item${items.length === 1 ? '' : 's'} exported as of ${asOf}.\n`;
  if (format === 'mspdi') return { exitCode: 0, stdout: mspdiExport(items, { title, asOf: asOf }), stderr };
  const relativePath = (uri: string) => path.relative(cwd, uriPath(uri)).split(path.sep).join('/');
  return { exitCode: 0, stdout: icsExport(items, { title, asOf: asOf, linkBase: options.linkBase, relativePath }), stderr };
}
