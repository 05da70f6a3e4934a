import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Small modules with one job: no file under src/ may grow past this (CONTRIBUTING.md). */
const MAX_LINES = 300;
const root = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function lineCount(path: string): number {
  const text = readFileSync(path, 'utf8');
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

describe('file size', () => {
  it(`no file under src/ is over ${MAX_LINES} lines`, () => {
    const files = filesUnder(join(root, 'src'));
    expect(files.length).toBeGreaterThan(50);
    const tooLong = files
      .map((path) => ({ file: relative(root, path), lines: lineCount(path) }))
      .filter((entry) => entry.lines > MAX_LINES);
    expect(tooLong).toEqual([]);
  });
});
