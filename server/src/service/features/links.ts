// Document links: LSST document handles (`LDM-503`, `DMTN-106`) to their public pages, and Jira
// keys in `jira:` (and an overrides file's `jira_testplan:` and `test_spec:`) to the configured Jira.
import type { PlanDocument } from '../model/document';
import { overrideJiraKeys, type OverridesFile } from '../model/overrides';
import type { PlanFile } from '../model/planFile';
import type { Span } from '../yaml/nodes';

export interface PlanLink {
  span: Span;
  target: string;
  tooltip: string;
}

const handlePattern = /\b(?:LDM|DMTN|SQR|DMTR|LSE|LPM|RTN|ITTN|SITCOMTN|DMTR|LCR|RFC)-\d+\b/g;

/** The links of a plan or an overrides file. */
export function documentLinks(document: PlanDocument, jiraBaseUrl: string): PlanLink[] {
  return document.kind === 'plan' ? planLinks(document.file, jiraBaseUrl) : overridesLinks(document.file, jiraBaseUrl);
}

/** Links in the plan's `document`, `title`, names and descriptions, and `jira` values. */
function planLinks(file: PlanFile, jiraBaseUrl: string): PlanLink[] {
  const links: PlanLink[] = [];
  for (const key of ['document', 'title']) {
    const field = file.top.get(key);
    if (field && typeof field.value === 'string') handleLinks(file.text, field.valueSpan, links);
  }
  for (const item of [...file.milestones, ...file.features]) {
    for (const key of ['name', 'description']) {
      const field = item.field(key);
      if (field?.value?.kind === 'scalar') handleLinks(file.text, field.valueSpan, links);
    }
    const jira = item.field('jira');
    if (jira?.value?.kind === 'scalar') jiraLink(jira.value.value, jira.valueSpan, jiraBaseUrl, links);
  }
  return links;
}

/** Links in an overrides file: handles in its descriptions, names and comments, and its Jira keys. */
function overridesLinks(file: OverridesFile, jiraBaseUrl: string): PlanLink[] {
  const links: PlanLink[] = [];
  for (let index = 0; index < file.freeText.length; index += 2) handleLinks(file.text, { start: file.freeText[index]!, end: file.freeText[index + 1]! }, links);
  for (const entry of file.entries) {
    for (const key of overrideJiraKeys) {
      const value = entry.fields.get(key)?.value;
      if (value?.kind === 'scalar') jiraLink(value.value, value, jiraBaseUrl, links);
    }
  }
  return links.sort((a, b) => a.span.start - b.span.start);
}

function handleLinks(text: string, span: Span, links: PlanLink[]): void {
  const source = text.slice(span.start, span.end);
  handlePattern.lastIndex = 0;
  for (let match = handlePattern.exec(source); match; match = handlePattern.exec(source)) {
    const start = span.start + match.index;
    links.push({ span: { start, end: start + match[0].length }, target: `https://ls.st/${match[0]}`, tooltip: `Open ${match[0]}` });
  }
}

/** An issue key (`DM-33221`) or a test plan's or case's (`LVV-P72`, `LVV-T1234`) in the configured Jira. */
function jiraLink(value: unknown, span: Span, jiraBaseUrl: string, links: PlanLink[]): void {
  if (!jiraBaseUrl || typeof value !== 'string' || !/^[A-Z][A-Z0-9]*-[A-Z]?\d+$/.test(value)) return;
  const base = jiraBaseUrl.endsWith('/') ? jiraBaseUrl : `${jiraBaseUrl}/`;
  links.push({ span: { start: span.start, end: span.end }, target: `${base}${value}`, tooltip: `Open ${value} in Jira` });
}
