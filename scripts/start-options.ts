/**
 * The flags of `npm start` / `npm run dev` (scripts/start.ts), with the help text built from the
 * same table so a new flag cannot be missing from `--help`.
 */
import { parseArgs } from 'node:util';

interface FlagSpec {
  type: 'boolean' | 'string';
  default: boolean | string;
  short?: string;
  /** The value's placeholder in the help text (string flags only). */
  value?: string;
  help: string;
}

export const START_FLAGS = {
  dev: { type: 'boolean', default: false, help: "Vite's dev server (hot reload) instead of a production build" },
  'sim-port': { type: 'string', default: '8092', value: 'PORT', help: 'port of the DRP simulator (a free one if busy)' },
  'app-port': { type: 'string', default: '4173', value: 'PORT', help: 'port of the inspector page (the next free one if busy)' },
  rate: { type: 'string', default: '20', value: 'N', help: 'background load: events per second' },
  machines: { type: 'string', default: '50', value: 'N', help: 'machines in the simulated fleet' },
  tls: { type: 'boolean', default: false, help: 'serve the simulator over https/wss with a self-signed certificate' },
  help: { type: 'boolean', default: false, short: 'h', help: 'print this help and exit' },
} as const satisfies Record<string, FlagSpec>;

export type StartArgs = { [K in keyof typeof START_FLAGS]: (typeof START_FLAGS)[K]['default'] extends boolean ? boolean : string };

export type StartArgsResult = { kind: 'run'; args: StartArgs } | { kind: 'help'; text: string } | { kind: 'error'; text: string };

export function startUsage(): string {
  const rows = Object.entries(START_FLAGS).map(([name, flag]: [string, FlagSpec]) => {
    const short = flag.short ? `-${flag.short}, ` : '    ';
    const left = `${short}--${name}${flag.value ? ` ${flag.value}` : ''}`;
    const fallback = flag.type === 'string' ? ` (default ${String(flag.default)})` : '';
    return `  ${left.padEnd(22)}${flag.help}${fallback}`;
  });
  return ['usage: npm start -- [flags]   (npm run dev = npm start -- --dev)', '', 'flags:', ...rows].join('\n');
}

/** Parses `argv` (without node and the script); an unknown flag is an error with the usage, not a stack trace. */
export function parseStartArgs(argv: readonly string[]): StartArgsResult {
  let values: StartArgs;
  try {
    ({ values } = parseArgs({ args: [...argv], options: START_FLAGS, strict: true, allowPositionals: false }) as { values: StartArgs });
  } catch (error) {
    return { kind: 'error', text: `${(error as Error).message}\n\n${startUsage()}` };
  }
  if (values.help) return { kind: 'help', text: startUsage() };
  return { kind: 'run', args: values };
}
