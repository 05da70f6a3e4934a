/** Production bundle size: every .js and .css file under dist/assets, raw and gzipped (node:zlib, level 9). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  name: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  files: BundleFile[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  totalBytes: number;
  totalGzipBytes: number;
}

export function measureBundle(distDir: string = fileURLToPath(new URL('../dist/assets', import.meta.url))): BundleSize {
  const files = readdirSync(distDir)
    .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
    .sort()
    .map((name) => {
      const content = readFileSync(`${distDir}/${name}`);
      return { name, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    });
  const sum = (list: BundleFile[], pick: (f: BundleFile) => number): number => list.reduce((total, f) => total + pick(f), 0);
  return {
    files,
    jsGzipBytes: sum(
      files.filter((f) => f.name.endsWith('.js')),
      (f) => f.gzipBytes,
    ),
    cssGzipBytes: sum(
      files.filter((f) => f.name.endsWith('.css')),
      (f) => f.gzipBytes,
    ),
    totalBytes: sum(files, (f) => f.bytes),
    totalGzipBytes: sum(files, (f) => f.gzipBytes),
  };
}
