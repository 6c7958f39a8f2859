import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The fonts every document embeds, from the npm package `dejavu-fonts-ttf` (DejaVu Serif: the
 * whole Vietnamese alphabet with its stacked diacritics, a serif face as the forms' Times New
 * Roman is). Embedded (subset) in each PDF, so that a document prints the same on any machine and
 * never depends on the fonts installed where it is rendered or read.
 */
export interface FontSet {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
  boldItalic: Buffer;
}

let cached: FontSet | undefined;

export function documentFonts(): FontSet {
  if (cached) return cached;
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const read = (name: string) => readFileSync(join(dir, name));
  cached = {
    regular: read('DejaVuSerif.ttf'),
    bold: read('DejaVuSerif-Bold.ttf'),
    italic: read('DejaVuSerif-Italic.ttf'),
    boldItalic: read('DejaVuSerif-BoldItalic.ttf'),
  };
  return cached;
}
