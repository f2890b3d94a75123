// The workspace's files through `vscode.workspace.fs`, for a server that cannot read them itself:
// the one in a browser worker, on a virtual workspace (github.dev's repository, vscode.dev's folder).
import * as vscode from 'vscode';
import { planFilePattern, skippedFolders } from '../../../common/planFiles';

const skipped = `**/{${[...skippedFolders].join(',')}}/**`;

/** The plan files under a folder, or the file itself when it is a plan (or the files `globs`, relative to the folder, name), as URIs, sorted. */
export async function findPlanFiles(uri: string, globs?: readonly string[]): Promise<string[]> {
  const target = vscode.Uri.parse(uri);
  const stat = await vscode.workspace.fs.stat(target);
  if (stat.type & vscode.FileType.File) return !globs && planFilePattern.test(target.path) ? [target.toString()] : [];
  const pattern = globs ? `{${globs.map((glob) => glob.replace(/^\.\//, '')).join(',')}}` : '**/*.milestones.{yaml,yml}';
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(target, pattern), skipped);
  return found.map((file) => file.toString()).sort();
}

/** A file's text, decoded as UTF-8 without its byte-order mark. */
export async function readTextFile(uri: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
}
