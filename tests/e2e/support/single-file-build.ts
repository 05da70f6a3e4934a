import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { SINGLE_FILE_MODE, SINGLE_FILE_NAME } from '../../../scripts/single-file-plugins';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The single-file build's bytes, as `npm run build:single` makes them: built into a fresh temporary
 * folder through Vite's API (about a second), so the test never reads a stale `dist-single/` nor
 * writes into the shared checkout. INSPECTOR_SINGLE_FILE names a prebuilt file instead.
 */
export async function buildSingleFile(): Promise<Buffer> {
  const prebuilt = process.env.INSPECTOR_SINGLE_FILE;
  if (prebuilt) {
    if (!existsSync(prebuilt)) throw new Error(`INSPECTOR_SINGLE_FILE=${prebuilt} does not exist`);
    return readFile(prebuilt);
  }
  const outDir = await mkdtemp(join(tmpdir(), 'inspector-single-'));
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      mode: SINGLE_FILE_MODE,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    return await readFile(join(outDir, SINGLE_FILE_NAME));
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
