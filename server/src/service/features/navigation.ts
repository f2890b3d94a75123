// Navigation over IDs across the workspace: go to definition, find references, and rename.
import { idPattern } from '../../../../common/planSnapshot';
import { itemAt, locate, type Occurrence } from '../model/locate';
import type { PlanFile } from '../model/planFile';
import type { PlanItem } from '../model/planItem';
import type { WorkspaceEdit } from '../text/edits';
import type { Workspace } from '../workspace';
import type { Span } from '../yaml/nodes';
import { readsAsText } from '../yaml/yamlTree';

/**
 * The item a cursor is about, for the timeline's highlight: the ID under it where one is defined or
 * listed, else the item whose entry holds it (its name, dates or any other line).
 */
export function itemIdAt(file: PlanFile, offset: number): string | undefined {
  return idAt(file, offset)?.id ?? itemAt(file, offset)?.id;
}

/** The ID at an offset, where it is defined or listed. */
export function idAt(file: PlanFile, offset: number): { id: string; span: Span } | undefined {
  const located = locate(file, offset);
  if (located?.kind === 'definition') return { id: located.item.id, span: located.span };
  if (located?.kind === 'reference' || located?.kind === 'predecessor') return { id: located.reference.id, span: located.span };
  return undefined;
}

/** The ID at an offset of a plan, or the code of an overrides file's entry: the same item. */
function idAtIn(workspace: Workspace, uri: string, offset: number): { id: string; span: Span } | undefined {
  const document = workspace.document(uri);
  if (document?.kind === 'overrides') {
    const entry = document.file.entries.find((candidate) => candidate.keySpan.start <= offset && offset <= candidate.keySpan.end);
    return entry && { id: entry.code, span: entry.keySpan };
  }
  return document && idAt(document.file, offset);
}

/** Every definition and listing of an ID across the workspace, definitions first, then the overrides files' entries of that code. */
export function occurrences(workspace: Workspace, id: string): Occurrence[] {
  const { index } = workspace.analyze();
  const found: Occurrence[] = index.definitions(id).map((item) => ({ uri: item.uri, span: item.idSpan, kind: 'definition' as const }));
  for (const milestone of index.parents(id)) {
    for (const reference of milestone.featureReferences) {
      if (reference.id === id) found.push({ uri: milestone.uri, span: reference.span, kind: 'reference' });
    }
  }
  for (const successor of index.successors(id)) {
    for (const reference of successor.predecessorReferences) {
      if (reference.id === id) found.push({ uri: successor.uri, span: reference.span, kind: 'reference' });
    }
  }
  for (const overrides of workspace.allOverridesFiles()) {
    for (const entry of overrides.entries) if (entry.code === id) found.push({ uri: overrides.uri, span: entry.keySpan, kind: 'reference' });
  }
  return found;
}

export function definitions(workspace: Workspace, uri: string, offset: number): PlanItem[] {
  const at = idAtIn(workspace, uri, offset);
  if (!at) return [];
  return workspace.analyze().index.definitions(at.id);
}

export function references(workspace: Workspace, uri: string, offset: number, includeDefinition: boolean): Occurrence[] {
  const at = idAtIn(workspace, uri, offset);
  if (!at) return [];
  return occurrences(workspace, at.id).filter((occurrence) => includeDefinition || occurrence.kind === 'reference');
}

export type RenameCheck = { ok: true; span: Span; id: string } | { ok: false; message: string };

export function prepareRename(workspace: Workspace, uri: string, offset: number): RenameCheck {
  const at = idAtIn(workspace, uri, offset);
  if (!at) return { ok: false, message: 'Only a milestone or feature ID can be renamed here.' };
  if (workspace.analyze().index.definitions(at.id).length === 0) return { ok: false, message: `${at.id} is not defined in any plan, so there is nothing to rename.` };
  return { ok: true, span: at.span, id: at.id };
}

/** The edits that rename an ID everywhere, or a message saying why the new ID cannot be used. */
export function rename(workspace: Workspace, uri: string, offset: number, newId: string): { edits: WorkspaceEdit } | { message: string } {
  const check = prepareRename(workspace, uri, offset);
  if (!check.ok) return { message: check.message };
  if (!idPattern.test(newId)) return { message: `"${newId}" is not a valid ID: use letters, digits, ".", "_" and "-", starting with a letter or digit.` };
  if (newId !== check.id && workspace.analyze().index.definitions(newId).length > 0) return { message: `${newId} is already defined; choose another ID.` };
  const edits: WorkspaceEdit = new Map();
  const plainQuote = readsAsText(newId) ? '' : '"';
  for (const occurrence of occurrences(workspace, check.id)) {
    const list = edits.get(occurrence.uri) ?? [];
    const text = workspace.document(occurrence.uri)!.file.text;
    list.push({ ...occurrence.span, text: replacementFor(text, occurrence.span, newId, plainQuote) });
    edits.set(occurrence.uri, list);
  }
  return { edits };
}

/**
 * The new ID as it should be written where the old one stood, keeping its quoting; where it stood
 * plain, with `plainQuote` (a quote when YAML would read the new ID plain as something else than
 * text: `1e3`, `true`, `null`, `0x1F`).
 */
function replacementFor(text: string, span: Span, newId: string, plainQuote: string): string {
  const written = text.slice(span.start, span.end);
  const quote = written[0] === '"' || written[0] === "'" ? written[0] : plainQuote;
  return `${quote}${newId}${quote}`;
}
