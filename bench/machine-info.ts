/** The machine a run was measured on: figures from different machines are not comparable. */
import { cpus, loadavg, totalmem } from 'node:os';
import type { Browser } from '@playwright/test';

export interface MachineInfo {
  date: string;
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  chromium: string;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAtStart: number;
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
    loadAtStart: Math.round(loadavg()[0] * 100) / 100,
  };
}
