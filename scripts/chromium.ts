import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

// Browser downloads are impossible on these machines (docs/toolchain.md): use Debian's chromium, or the
// binary named by CHROMIUM_PATH. Flags from docs/toolchain.md; without the background-networking ones
// Chromium floods the closed network with refused connections.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumExecutable(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(`Chromium not found at ${candidate}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return candidate;
}

export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS };
}
