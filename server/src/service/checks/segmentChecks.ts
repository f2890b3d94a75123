// The checks of one segment on its own — syntax, schema and the form of its dates — run once as the
// segment is parsed, while its tree is at hand. Spans relative to the segment.
import type { PlanSegment, SegmentModel } from '../model/segmentModel';
import { dateFormatProblems } from './dates';
import type { Problem } from './problems';
import { checkSchema } from './schema';
import { syntaxProblems } from './syntax';

export function checkSegment(segment: PlanSegment, model: SegmentModel): Problem[] {
  const parsed = segment.parsed;
  const problems = syntaxProblems(parsed, segment.split);
  if (!parsed.root) return problems;
  problems.push(...checkSchema(parsed.root, segment.section));
  problems.push(...dateFormatProblems(model));
  return problems;
}
