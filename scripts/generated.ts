// The files generated from the source, as they should be: shared by `npm run generate`, which
// writes them, and the test that checks the committed ones. The rules page and package.json's rule
// settings come from the rule registry; the settings page from package.json's contributions.
import { builtinRegistry } from '../server/src/service/rules/registry';
import { ruleSettingsSchema, rulesMarkdown } from '../server/src/service/rules/reference';

interface Setting {
  type?: string | string[];
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  markdownDescription?: string;
  description?: string;
}

interface Manifest {
  contributes: {
    configuration: { properties: Record<string, Setting> };
    commands: { command: string; title: string; category?: string }[];
    menus?: { commandPalette?: { command: string; when?: string }[] };
  };
}

/** Each generated file's path (from the repository's root) and text; `packageJson` is package.json as it is now. */
export function generatedFiles(packageJson: string): { path: string; text: string }[] {
  const manifest = JSON.parse(packageJson) as Manifest;
  manifest.contributes.configuration.properties['milestones.rules'] = ruleSettingsSchema(builtinRegistry);
  return [
    { path: 'package.json', text: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: 'docs/rules.md', text: rulesMarkdown(builtinRegistry) },
    { path: 'docs/settings.md', text: settingsMarkdown(manifest) },
  ];
}

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function shown(value: unknown): string {
  return value === undefined ? '' : `\`${JSON.stringify(value)}\``;
}

/** The commands a user runs from the Command Palette (those hidden from it are the views' own). */
export function paletteCommands(manifest: Manifest): { command: string; title: string }[] {
  const hidden = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((entry) => entry.when === 'false').map((entry) => entry.command));
  return manifest.contributes.commands.filter((command) => !hidden.has(command.command)).map((command) => ({ command: command.command, title: `${command.category ? `${command.category}: ` : ''}${command.title}` }));
}

/** The page of settings and commands, from package.json's contributions. */
function settingsMarkdown(manifest: Manifest): string {
  const settings = Object.entries(manifest.contributes.configuration.properties).map(([key, setting]) => {
    const range = [setting.minimum !== undefined ? `≥ ${setting.minimum}` : '', setting.maximum !== undefined ? `≤ ${setting.maximum}` : ''].filter(Boolean).join(', ');
    const what = key === 'milestones.rules' ? 'Severity per rule code (`off`, `hint`, `information`, `warning`, `error`): every rule, with its default, is on the [page of checks](rules.md).' : (setting.markdownDescription ?? setting.description ?? '');
    return `| \`${key}\` | ${shown(setting.default)} | ${cell(what)}${range ? ` (${range})` : ''} |`;
  });
  const commands = paletteCommands(manifest).map(({ command, title }) => `| ${title} | \`${command}\` |`);
  return `<!-- Generated from package.json by \`npm run generate\`: edit package.json's contributions, not this page. -->
# Settings and commands

Settings are read from VS Code's settings (\`milestones.*\`), or given by other editors in
\`workspace/configuration\` or \`initializationOptions\`; the command line has an option for each that
it uses (\`milestones check --help\`). Paths are relative to the workspace folder.

| setting | default | what |
|---|---|---|
${settings.join('\n')}

## Commands

| command | ID |
|---|---|
${commands.join('\n')}
`;
}
