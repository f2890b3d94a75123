// The entry point VS Code's extension host calls for `extensionTestsPath`: runs the mocha suite
// and, when MILESTONES_VSCODE_RESULTS names a file, writes the outcome there too — the extension
// host's console is not always visible (in code-server it is not).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface SuiteOutcome {
  passed: string[];
  failed: { title: string; error: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false });
  mocha.addFile(join(__dirname, 'extension.spec.js'));
  const outcome: SuiteOutcome = { passed: [], failed: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.MILESTONES_VSCODE_RESULTS;
      if (file) writeFileSync(file, JSON.stringify(outcome, null, 2));
      if (failures > 0) reject(new Error(`${failures} of the extension-host tests failed`));
      else resolve();
    });
    runner.on('pass', (test) => outcome.passed.push(test.fullTitle()));
    runner.on('fail', (test, error) => outcome.failed.push({ title: test.fullTitle(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  });
}
