// The files generated from the source, as they should be: shared by `npm run generate`, which
// writes them, and the test that checks the committed ones.
import { builtinRegistry } from '../server/src/service/rules/registry';
import { ruleSettingsSchema, rulesMarkdown } from '../server/src/service/rules/reference';

/** Each generated file's path (from the repository's root) and text; `packageJson` is package.json as it is now. */
export function generatedFiles(packageJson: string): { path: string; text: string }[] {
  const manifest = JSON.parse(packageJson) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  manifest.contributes.configuration.properties['milestones.rules'] = ruleSettingsSchema(builtinRegistry);
  return [
    { path: 'package.json', text: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: 'docs/rules.md', text: rulesMarkdown(builtinRegistry) },
  ];
}
