// Document links: LSST document handles (`LDM-503`, `DMTN-106`) to their public pages, and Jira
// keys in `jira:` to the configured Jira.
import type { PlanFile } from '../model/planFile';
import type { Span } from '../yaml/nodes';

export interface PlanLink {
  span: Span;
  target: string;
  tooltip: string;
}

const handlePattern = /\b(?:LDM|DMTN|SQR|DMTR|LSE|LPM|RTN|ITTN|SITCOMTN|DMTR|LCR|RFC)-\d+\b/g;

/** Links in the plan's `document`, `title`, names and descriptions, and `jira` values. */
export function documentLinks(file: PlanFile, jiraBaseUrl: string): PlanLink[] {
  const links: PlanLink[] = [];
  const scan = (span: Span) => {
    const text = file.text.slice(span.start, span.end);
    handlePattern.lastIndex = 0;
    for (let match = handlePattern.exec(text); match; match = handlePattern.exec(text)) {
      const start = span.start + match.index;
      links.push({ span: { start, end: start + match[0].length }, target: `https://ls.st/${match[0]}`, tooltip: `Open ${match[0]}` });
    }
  };
  for (const key of ['document', 'title']) {
    const field = file.top.get(key);
    if (field && typeof field.value === 'string') scan(field.valueSpan);
  }
  for (const item of [...file.milestones, ...file.features]) {
    for (const key of ['name', 'description']) {
      const field = item.field(key);
      if (field?.value?.kind === 'scalar') scan(field.valueSpan);
    }
    const jira = item.field('jira');
    if (jiraBaseUrl && jira?.value?.kind === 'scalar' && typeof jira.value.value === 'string' && /^[A-Z][A-Z0-9]*-\d+$/.test(jira.value.value)) {
      const base = jiraBaseUrl.endsWith('/') ? jiraBaseUrl : `${jiraBaseUrl}/`;
      links.push({ span: jira.valueSpan, target: `${base}${jira.value.value}`, tooltip: `Open ${jira.value.value} in Jira` });
    }
  }
  return links;
}
