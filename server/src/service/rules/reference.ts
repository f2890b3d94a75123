// What is generated from the rule registry, so that it cannot drift from the rules: the docs' page
// of checks (docs/rules.md) and the `milestones.rules` setting of package.json. `npm run generate`
// writes both; test/package/generated.test.ts fails when what is committed differs.
import type { RuleRegistry } from './registry';
import { ruleSettings } from './rule';

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The page of checks: every rule with its default severity, what it reports, the marks it puts and whether it is fixed. */
export function rulesMarkdown(registry: RuleRegistry): string {
  const rows = registry.rules.map((rule) => {
    const fixes = [rule.fixes ? 'quick fixes' : '', rule.safeFix ? 'fix all' : ''].filter(Boolean).join(', ') || '—';
    const marks = rule.marks && rule.marks.length > 0 ? rule.marks.join(', ') : '—';
    return `| \`${rule.code}\` | ${rule.severity} | ${cell(rule.full)} | ${marks} | ${fixes} |`;
  });
  return `<!-- Generated from the rule registry (server/src/service/rules/) by \`npm run generate\`: edit the rules, not this page. -->
# Checks

Each check has a code, shown in the Problems panel and usable in settings
(\`milestones.rules\`: \`${ruleSettings.join('|')}\`) and on the command line (\`--rule CODE=SEVERITY\`).
The checks read the effective plan: each item's dates as the overrides files leave them, and a
message names the overrides file that set a date it quotes.

| code | default | reports | marks | fixes |
|---|---|---|---|---|
${rows.join('\n')}

**Marks** are what a problem puts on the items it is about, and what the plan view, the timeline
and the Graphviz export draw: an item marked \`inconsistent\` is drawn so (a feature beneath a
milestone only where the check between the two failed, or one of its own).

**Fixes**: the lightbulb offers each rule's quick fixes, which change a date where the effective plan
takes it from — in the overrides file that sets it, named in the fix's title, else in the plan.
*Fix all* (\`source.fixAll.milestones\`) applies those with a single obvious answer. Every problem
can also be silenced where it stands.

## Where each problem sits

A check between a milestone and a feature it lists sits on the feature's ID in the milestone's
\`features\` list; a check of a link on the predecessor's ID in the \`predecessors\` list;
\`overdue\`, \`unused-feature\` and \`duplicate-id\` on the item's ID; \`completed-in-future\`,
\`slipped\` and \`invalid-date\` on the date (on the ID when an overrides file sets it); an unknown key
on the key; a missing \`name\` or \`due\` on the item's ID; \`unknown-override\` on the overrides
file's code.

## Silencing a problem

A comment on the line above silences a problem there:

\`\`\`yaml
    features:
      # milestones-disable-next-line feature-due-after-milestone
      - DM-NCSA-8
\`\`\`

A directive may name several codes (separated by spaces or commas); with no code it silences every
rule on the next line.

## Which date counts

\`due\` is the baseline: the date agreed when the plan was set. \`forecast\` is the date the item is
now expected, written when it differs. The checks that compare two items use each one's expected
date — its forecast where it has one, else its due date — and say which they used:
\`DM-NCSA-8 is forecast 2022-02-01, after LDM-503-05 (due 2021-12-01).\` \`overdue\` stays on \`due\`.
An overrides file's \`due\` or \`completed\` replaces the plan's, and \`""\` takes it away.

"Overdue" and "completed in the future" are judged against a date: the setting \`milestones.asOf\`
when set; else the file's own \`asOf\`; else the latest \`asOf\` of the workspace's plans; else today.
`;
}

/** The `milestones.rules` setting as package.json contributes it: a severity per rule, described. */
export function ruleSettingsSchema(registry: RuleRegistry): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of registry.rules) properties[rule.code] = { enum: [...ruleSettings], default: rule.severity, markdownDescription: rule.full };
  return {
    type: 'object',
    default: {},
    markdownDescription: 'Severity per rule code: `off`, `hint`, `information`, `warning` or `error`. Every rule is described in the docs\' page of checks.',
    properties,
    additionalProperties: false,
  };
}
