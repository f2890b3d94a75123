// What the timeline and burndown panels share: their webview's options, and saving an image the
// page exported (validated by messages.ts) where the user chooses.
import * as vscode from 'vscode';
import { pngBytes } from './messages';

/** Scripts on, and only the bundled webview files loadable. */
export function webviewPanelOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')] };
}

/** `what` names the chart in the dialog and messages ("timeline", "burndown"); the file is `milestone-<what>.<format>`. */
export async function saveExportedImage(what: string, format: 'svg' | 'png', data: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `milestone-${what}.${format}`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    saveLabel: `Export ${what}`,
    title: `Export the milestone ${what}`,
  });
  if (!target) return;
  const bytes = format === 'svg' ? new TextEncoder().encode(data) : pngBytes(data);
  const title = what.charAt(0).toUpperCase() + what.slice(1);
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`${title} saved to ${vscode.workspace.asRelativePath(target)}.`);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not save the ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
