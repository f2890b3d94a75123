// Which files are plans, and which folders are never searched for them: the same for the server on
// Node, which walks the disk, and the web extension, which asks the editor's file search.

export const planFilePattern = /\.milestones\.ya?ml$/;

/** Folders never searched for plans. */
export const skippedFolders = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
