// The docs' pictures, taken by the tests that show what they picture (end to end in code-server,
// the webviews in Chromium): saved in 256 colours so that the README's pictures keep the `.vsix`
// small. `npm run screenshots` (MILESTONES_SCREENSHOTS=1) writes them to docs/images, the one folder
// the README and the pages of docs/ show them from; other runs write them to test-output/docs, so
// that every run makes them and a broken one shows.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

export const docImagesDir = join(__dirname, '../../docs/images');

/** Saves a PNG as the docs' picture `name`; returns where. */
export async function saveDocImage(name: string, png: Buffer): Promise<string> {
  const folder = process.env.MILESTONES_SCREENSHOTS === '1' ? docImagesDir : join(__dirname, '../../test-output/docs');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}.png`);
  await sharp(png).png({ palette: true, colours: 256, compressionLevel: 9, effort: 10 }).toFile(file);
  return file;
}
