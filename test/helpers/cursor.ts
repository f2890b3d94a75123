// In-memory tests of the editing features, in the style of vscode-json-languageservice's: a plan
// with `|` where the cursor stands, given to a fresh `createPlanService()`, and answers described
// by the text they cover, so that a test reads like the plan and the answer a user would see.
import { createPlanService, type PlanService, type Settings, type Span, type TextEdit } from '../../server/src/service';
import { parseGlossaryFile } from '../../server/src/service/glossary/glossaryFiles';
import { applyEdits } from '../../server/src/service/text/edits';

/** The plan under test, and a second plan of the same workspace. */
export const planUri = 'file:///plans/a.milestones.yaml';
export const otherUri = 'file:///plans/b.milestones.yaml';

export interface PlanOptions {
  /** A second plan file of the workspace, at `otherUri`. */
  other?: string;
  settings?: Partial<Settings>;
  /** A glossary file as `milestones.glossaryFiles` names it, read as the host reads it. */
  glossaryFile?: { name: string; text: string };
  /** Several glossary files, in the order `milestones.glossaryFiles` names them (after `glossaryFile`). */
  glossaryFiles?: { name: string; text: string }[];
}

export interface OpenPlan {
  service: PlanService;
  uri: string;
  /** The plan's text, without the cursor marker. */
  text: string;
}

export interface AtCursor extends OpenPlan {
  offset: number;
}

/** A service holding `text` (and the other plan, glossary and settings of `options`). */
export function openPlan(text: string, options: PlanOptions = {}): OpenPlan {
  const service = createPlanService();
  if (options.settings) service.setSettings(options.settings);
  const glossaries = [...(options.glossaryFile ? [options.glossaryFile] : []), ...(options.glossaryFiles ?? [])];
  if (glossaries.length > 0) {
    const entries = glossaries.flatMap(({ name, text: content }) => {
      const parsed = parseGlossaryFile(name, content, name);
      if (parsed.problems.length > 0) throw new Error(`the test's glossary does not read: ${JSON.stringify(parsed.problems)}`);
      return parsed.entries;
    });
    service.setGlossaryFiles(entries);
  }
  service.setFile(planUri, text);
  if (options.other !== undefined) service.setFile(otherUri, options.other);
  return { service, uri: planUri, text };
}

/** A service holding the plan `marked`, whose one `|` is the cursor: the offset it stands at. */
export function atCursor(marked: string, options: PlanOptions = {}): AtCursor {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.includes('|', offset + 1)) throw new Error('mark the cursor with exactly one |');
  return { ...openPlan(marked.slice(0, offset) + marked.slice(offset + 1), options), offset };
}

/** `plan` with the cursor put where `marked` says: a piece of the plan with a `|` in it. */
export function placeCursor(plan: string, marked: string): string {
  const piece = marked.replace('|', '');
  if (!plan.includes(piece)) throw new Error(`not in the plan: ${piece}`);
  return plan.replace(piece, marked);
}

/** A span's text as the editor shows it folded: its first and last lines with content, trimmed. */
export function firstAndLast(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.length <= 1 ? (lines[0] ?? '') : `${lines[0]} … ${lines[lines.length - 1]}`;
}

/** The text a span of a file of the service covers. */
export function covered(service: PlanService, uri: string, span: Span): string {
  return service.getFile(uri)!.text.slice(span.start, span.end);
}

/** The text of a file of the service after `edits`. */
export function edited(service: PlanService, uri: string, edits: readonly TextEdit[] | undefined): string {
  return applyEdits(service.getFile(uri)!.text, edits ?? []);
}
