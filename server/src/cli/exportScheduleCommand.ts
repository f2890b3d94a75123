// `milestones export --format mspdi|ics`: the plan (with its overrides files applied) as a
// Microsoft Project XML file or an iCalendar file, to standard output.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileUri, uriPath } from '../host/nodeFileSystem';
import { withoutBom } from '../host/planRevision';
import { createPlanService } from '../service';
import { exportItems } from '../service/schedules/exportItems';
import { icsExport } from '../service/schedules/icsExport';
import { mspdiExport } from '../service/schedules/mspdiExport';
import { UsageError, type CliResult } from './usage';

export async function exportScheduleCommand(format: 'mspdi' | 'ics', files: readonly string[], cwd: string, options: { overrides: string[]; linkBase?: string }): Promise<CliResult> {
  const service = createPlanService();
  for (const file of files) service.setFile(fileUri(file), withoutBom(await fs.readFile(file, 'utf8')));
  for (const file of options.overrides) {
    const absolute = path.resolve(cwd, file);
    let text: string;
    try {
      text = withoutBom(await fs.readFile(absolute, 'utf8'));
    } catch (error) {
      throw new UsageError(`--overrides ${file}: ${(error as Error).message}`);
    }
    service.setOverridesFile(fileUri(absolute), text);
  }
  const snapshot = service.snapshot();
  const plans = service.allFiles();
  const items = exportItems(snapshot, plans);
  const titled = plans.map((plan) => plan.top.get('title')?.value).find((value) => typeof value === 'string');
  const title = typeof titled === 'string' ? titled : undefined;
  const stderr = `${items.length} item${items.length === 1 ? '' : 's'} exported as of ${snapshot.asOf}.\n`;
  if (format === 'mspdi') return { exitCode: 0, stdout: mspdiExport(items, { title, asOf: snapshot.asOf }), stderr };
  const relativePath = (uri: string) => path.relative(cwd, uriPath(uri)).split(path.sep).join('/');
  return { exitCode: 0, stdout: icsExport(items, { title, asOf: snapshot.asOf, linkBase: options.linkBase, relativePath }), stderr };
}
