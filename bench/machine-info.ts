/** The machine a run was measured on: figures from different machines are not comparable. */
import { cpus, totalmem } from 'node:os';
import type { Browser } from '@playwright/test';

export interface MachineInfo {
  date: string;
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  chromium: string;
  platform: string;
}

export function machineInfo(browser: Browser): MachineInfo {
  const list = cpus();
  return {
    date: new Date().toISOString(),
    cores: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: browser.version(),
    platform: `${process.platform} ${process.arch}`,
  };
}
