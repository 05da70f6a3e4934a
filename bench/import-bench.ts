/**
 * Issue 9 §3: a 200 MB capture file imports without freezing the page (no long task > 200 ms) and
 * within memory limits. The file is generated here (capture JSON Lines of ~0.9 KB machine updates
 * with Original, versions of 2,000 machines), imported through the app's `Import` input into a
 * fresh page, and timed from the file chosen to the summary shown.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { newBenchPage } from './bench-browser';
import { chromiumMemory } from './process-memory';

export interface ImportResult {
  fileBytes: number;
  events: number;
  seconds: number;
  longestTaskMs: number;
  longTasks: number;
  /** Renderer PSS (KiB) before and after the import (the ring keeps the newest 50,000). */
  rendererBeforeKb: number;
  rendererAfterKb: number;
}

const MACHINES = 2000;

/** Writes `bytes` of capture JSON Lines: a capture marker, then machine updates with Original. */
async function writeCapture(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  let events = 0;
  const write = async (line: string): Promise<void> => {
    written += line.length;
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(
    `${JSON.stringify({ $inspector: 'capture', version: 1, source: 'app', endpoint: 'https://drp.example:8092', user: 'bench' })}\n`,
  );
  const start = Date.parse('2026-12-01T00:00:00Z');
  while (written < bytes) {
    const machine = events % MACHINES;
    const step = Math.floor(events / MACHINES);
    const uuid = `00000000-0000-4000-8000-${String(machine).padStart(12, '0')}`;
    const base = {
      Uuid: uuid,
      Name: `import-${machine}`,
      Address: `10.0.${machine >> 8}.${machine & 255}`,
      BootEnv: 'sledgehammer',
      Stage: 'discover',
      Workflow: 'universal-discover',
      Runnable: true,
      Available: true,
      Validated: true,
      Tasks: ['stage:discover', 'bootenv:sledgehammer', 'enforce-sledgehammer', 'set-machine-ip-in-sledgehammer'],
      Params: {},
    };
    const time = new Date(start + events * 5).toISOString().replace('Z', '123456Z');
    await write(
      `${JSON.stringify({
        Time: time,
        Type: 'machines',
        Action: 'update',
        Key: uuid,
        Principal: `runner:${uuid}`,
        Object: { ...base, CurrentTask: step + 1 },
        Original: { ...base, CurrentTask: step },
      })}\n`,
    );
    events += 1;
  }
  out.end();
  await once(out, 'finish');
  return events;
}

export async function measureImport(browser: Browser, appUrl: string, bytes: number, log: (line: string) => void): Promise<ImportResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'inspector-import-'));
  const file = path.join(dir, 'capture-200mb.jsonl');
  try {
    const events = await writeCapture(file, bytes);
    const fileBytes = (await stat(file)).size;
    log(`  import: ${fileBytes} bytes, ${events} events generated`);
    const { context, page } = await newBenchPage(browser);
    try {
      await page.goto(appUrl);
      await page.getByTestId('import-file').waitFor({ state: 'attached' });
      const rendererBeforeKb = chromiumMemory().byKind.renderer;
      await page.evaluate(() => (window.__bench!.longTasks.length = 0));
      const started = Date.now();
      await page.getByTestId('import-file').setInputFiles(file);
      await page
        .getByTestId('import-summary-head')
        .filter({ hasText: /^Imported/ })
        .waitFor({ timeout: 600_000 });
      const seconds = (Date.now() - started) / 1000;
      const head = (await page.getByTestId('import-summary-head').textContent()) ?? '';
      const tasks = await page.evaluate(() => window.__bench!.longTasks.map((task) => task.duration));
      const rendererAfterKb = chromiumMemory().byKind.renderer;
      return {
        fileBytes,
        events: Number(/: (\d+) events/.exec(head)?.[1] ?? 0),
        seconds,
        longestTaskMs: Math.max(0, ...tasks),
        longTasks: tasks.length,
        rendererBeforeKb,
        rendererAfterKb,
      };
    } finally {
      await context.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
