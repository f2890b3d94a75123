// Packages the extension with vsce and reads the .vsix (a zip) back, for the package test and for
// the end-to-end tests, which install the very file a user would.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';

export const root = resolve(__dirname, '../..');

/**
 * Packages what `npm test` built in dist/ into `outFile`. It does not rebuild: other tests run
 * the same bundles at the same time. `npm run package` is the release build (minified).
 */
export function packageExtension(outFile: string): string {
  for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/webview/timeline.js']) {
    if (!existsSync(resolve(root, bundle))) throw new Error(`${bundle} is missing: build first (npm run build)`);
  }
  mkdirSync(dirname(outFile), { recursive: true });
  const vsce = resolve(root, 'node_modules/@vscode/vsce/vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', outFile], { cwd: root, stdio: 'pipe' });
  return outFile;
}

export interface ZipEntry {
  name: string;
  size: number;
  read(): Buffer;
}

/** The entries of a zip file, from its central directory (enough of the format for a .vsix). */
export function readZip(file: string): ZipEntry[] {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${index}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const read = () => {
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      return method === 8 ? inflateRawSync(data) : Buffer.from(data);
    };
    entries.push({ name, size, read });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
