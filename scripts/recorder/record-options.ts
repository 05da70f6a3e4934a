/**
 * The flags of `npm run record` (scripts/record.ts). The help text is built from the same table, so
 * a new flag cannot be missing from `--help`. Parsing checks everything that can be checked without
 * the network: a bad flag or value is one message and exit code 2, before any connection is tried.
 */
import { parseArgs } from 'node:util';
import { validateCommand } from '../../src/protocol/filter';

interface FlagSpec {
  type: 'boolean' | 'string';
  multiple?: boolean;
  short?: string;
  /** The value's placeholder in the help text (string flags only). */
  value?: string;
  help: string;
}

export const RECORD_FLAGS = {
  endpoint: { type: 'string', value: 'URL', help: 'DRP endpoint, e.g. https://drp:8092 (port 8092 and https by default)' },
  token: { type: 'string', value: 'T', help: 'bearer token (or use --username and --password-file)' },
  username: { type: 'string', value: 'U', help: 'user to grant a token for (GET /api/v3/users/<U>/token)' },
  'password-file': { type: 'string', value: 'F', help: "file holding the user's password (one trailing newline is ignored)" },
  filter: { type: 'string', multiple: true, value: 'SPEC', help: 'type.action.key to register; repeat for more (default *.*.*)' },
  out: { type: 'string', value: 'FILE', help: 'capture file to create (JSON Lines, docs/reference/capture-format.md); never overwritten' },
  'max-size': { type: 'string', value: 'SIZE', help: 'cap each file, e.g. 500MB or 2GB (1 KB = 1024 bytes); default no cap' },
  rotate: { type: 'boolean', help: 'at --max-size roll to capture.1.jsonl, capture.2.jsonl, ... instead of stopping' },
  insecure: { type: 'boolean', help: "accept any TLS certificate (DRP's self-signed default)" },
  'ca-cert': { type: 'string', value: 'FILE', help: 'trust this PEM certificate (or CA) for the endpoint' },
  'progress-seconds': { type: 'string', value: 'N', help: 'seconds between progress lines on stderr (default 5)' },
  help: { type: 'boolean', short: 'h', help: 'print this help and exit' },
} as const satisfies Record<string, FlagSpec>;

export type Credentials = { kind: 'token'; token: string } | { kind: 'password'; username: string; passwordFile: string };

export interface RecordOptions {
  endpoint: string;
  credentials: Credentials;
  filters: string[];
  out: string;
  /** Bytes; null = no cap. */
  maxSize: number | null;
  rotate: boolean;
  insecure: boolean;
  caCert: string | null;
  progressMs: number;
}

export type RecordArgsResult = { kind: 'run'; options: RecordOptions } | { kind: 'help'; text: string } | { kind: 'error'; text: string };

/** Below this a file cannot hold its header, its markers and an event or two. */
export const MIN_MAX_SIZE = 4096;

export const EXIT_CODES = { stopped: 0, failed: 1, usage: 2, maxSize: 3 } as const;

export function recordUsage(): string {
  const rows = Object.entries(RECORD_FLAGS).map(([name, flag]: [string, FlagSpec]) => {
    const short = flag.short ? `-${flag.short}, ` : '    ';
    const left = `${short}--${name}${flag.value ? ` ${flag.value}` : ''}`;
    return `  ${left.padEnd(26)}${flag.help}`;
  });
  return [
    'usage: npm run record -- --endpoint URL (--token T | --username U --password-file F) --out FILE',
    '                         [--filter SPEC ...] [--max-size SIZE [--rotate]] [--insecure | --ca-cert FILE]',
    '',
    'Records DRP events to a capture file the inspector imports. Reconnects with backoff after a drop',
    'and writes a gap marker for the time it was not subscribed. Ctrl+C or SIGTERM ends the file cleanly.',
    '',
    'flags:',
    ...rows,
    '',
    `exit codes: ${EXIT_CODES.stopped} stopped by SIGINT/SIGTERM, ${EXIT_CODES.failed} connection or file error,`,
    `            ${EXIT_CODES.usage} bad flags, ${EXIT_CODES.maxSize} stopped at --max-size (without --rotate)`,
  ].join('\n');
}

const SIZE_UNITS: Record<string, number> = { '': 1, B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** `2GB`, `500 MB`, `1.5gb`, `65536`: bytes, or null when it is not a size. */
export function parseSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?B?)\s*$/i.exec(text);
  if (!match) return null;
  const unit = SIZE_UNITS[match[2].toUpperCase().replace(/^([KMGT])$/, '$1B')];
  if (unit === undefined) return null;
  return Math.floor(Number(match[1]) * unit);
}

type RawValues = {
  [K in keyof typeof RECORD_FLAGS]?: (typeof RECORD_FLAGS)[K] extends { multiple: true }
    ? string[]
    : (typeof RECORD_FLAGS)[K]['type'] extends 'boolean'
      ? boolean
      : string;
};

/** Parses `argv` (without node and the script). Never throws: problems come back as one message. */
export function parseRecordArgs(argv: readonly string[]): RecordArgsResult {
  let values: RawValues;
  try {
    ({ values } = parseArgs({ args: [...argv], options: RECORD_FLAGS, strict: true, allowPositionals: false }) as { values: RawValues });
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) return { kind: 'help', text: recordUsage() };
  if (!values.endpoint) return usageError('--endpoint is required');
  if (!values.out) return usageError('--out is required');

  const credentials = credentialsOf(values);
  if (typeof credentials === 'string') return usageError(credentials);

  const filters = [...new Set(values.filter ?? ['*.*.*'])];
  for (const spec of filters) {
    const check = validateCommand('register', spec);
    if (!check.ok) return usageError(`--filter ${JSON.stringify(spec)}: ${check.reason}`);
  }

  let maxSize: number | null = null;
  if (values['max-size'] !== undefined) {
    maxSize = parseSize(values['max-size']);
    if (maxSize === null) return usageError(`--max-size ${JSON.stringify(values['max-size'])} is not a size such as 500MB or 2GB`);
    if (maxSize < MIN_MAX_SIZE) return usageError(`--max-size must be at least ${MIN_MAX_SIZE} bytes`);
  }
  if (values.rotate && maxSize === null) return usageError('--rotate needs --max-size');
  if (values.insecure && values['ca-cert'] !== undefined) return usageError('use either --insecure or --ca-cert, not both');

  let progressMs = 5000;
  if (values['progress-seconds'] !== undefined) {
    const seconds = Number(values['progress-seconds']);
    if (!(seconds > 0) || seconds > 3600) return usageError('--progress-seconds must be a number of seconds in (0, 3600]');
    progressMs = Math.round(seconds * 1000);
  }

  return {
    kind: 'run',
    options: {
      endpoint: values.endpoint,
      credentials,
      filters,
      out: values.out,
      maxSize,
      rotate: values.rotate ?? false,
      insecure: values.insecure ?? false,
      caCert: values['ca-cert'] ?? null,
      progressMs,
    },
  };
}

function credentialsOf(values: RawValues): Credentials | string {
  const { token, username } = values;
  const passwordFile = values['password-file'];
  if (token !== undefined) {
    if (username !== undefined || passwordFile !== undefined) return 'use either --token or --username with --password-file, not both';
    if (token.trim() === '') return '--token is empty';
    return { kind: 'token', token: token.trim() };
  }
  if (username === undefined && passwordFile === undefined) return 'give --token, or --username with --password-file';
  if (username === undefined || username === '') return '--password-file needs --username';
  // Basic auth and the `user:password` socket form both split at the first colon (§1.2).
  if (username.includes(':')) return 'a username cannot contain ":"';
  if (passwordFile === undefined) return '--username needs --password-file (a password is never taken on the command line)';
  return { kind: 'password', username, passwordFile };
}

function usageError(message: string): RecordArgsResult {
  return { kind: 'error', text: `${message}\n(npm run record -- --help lists the flags)` };
}
