/**
 * Optional (`--profile RATE`): a V8 CPU profile of the app's main thread during one burst, saved to
 * bench/out/ (open it in Chrome DevTools) and summarised as the functions with the most self time,
 * so a run says where the app spends its time, not only how much.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from '@playwright/test';
import { SourceMapLookup } from './source-map-lookup';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  percent: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  top: HotFunction[];
}

export async function startCpuProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

export async function stopCpuProfile(cdp: CDPSession, name: string, topN = 15): Promise<ProfileSummary> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  const dir = fileURLToPath(new URL('./out/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));

  const byNode = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
  const maps = new Map<string, SourceMapLookup | undefined>();
  const distAssets = fileURLToPath(new URL('../dist/assets/', import.meta.url));
  const describe = (frame: ProfileNode['callFrame']): string => {
    if (!frame.url) return '';
    const file = frame.url.replace(/^.*\//, '');
    if (!maps.has(file)) maps.set(file, SourceMapLookup.fromFile(`${distAssets}${file}.map`));
    const original = maps.get(file)?.lookup(frame.lineNumber, frame.columnNumber);
    return original ? `${original.source}:${original.line}` : `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
  };
  const selfUs = new Map<string, { name: string; where: string; us: number }>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    totalUs += delta;
    if (!node) return;
    const { functionName } = node.callFrame;
    const where = describe(node.callFrame);
    const key = `${functionName}@${where}`;
    const entry = selfUs.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 };
    entry.us += delta;
    selfUs.set(key, entry);
  });
  const top = [...selfUs.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, topN)
    .map((e) => ({ name: e.name, where: e.where, selfMs: e.us / 1000, percent: totalUs > 0 ? (100 * e.us) / totalUs : 0 }));
  return { file: file.replace(/^.*\/bench\//, 'bench/'), totalMs: totalUs / 1000, top };
}
