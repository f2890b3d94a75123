// What was last published for each file: a file on disk is checked again whenever another changes,
// and its diagnostics are sent only when they differ; an open document's new version always gets them.
import type { Diagnostic } from 'vscode-languageserver';

export class Published {
  /** The diagnostics last sent for a file on disk, as JSON; '' for an open document. */
  private readonly signatures = new Map<string, string>();

  constructor(private readonly send: (uri: string, diagnostics: Diagnostic[], version: number | undefined) => void) {}

  publish(uri: string, version: number | undefined, diagnostics: () => Diagnostic[]): void {
    const list = diagnostics();
    if (version === undefined) {
      const signature = JSON.stringify(list);
      if (this.signatures.get(uri) === signature) return;
      this.signatures.set(uri, signature);
    } else {
      this.signatures.set(uri, '');
    }
    this.send(uri, list, version);
  }

  /** Clears the diagnostics of a file that left the model, if any were sent. */
  withdraw(uri: string): void {
    if (!this.signatures.delete(uri)) return;
    this.send(uri, [], undefined);
  }
}
