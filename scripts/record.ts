/**
 * `npm run record -- --endpoint https://drp:8092 (--token T | --username U --password-file F)
 *   [--filter '*.*.*' ...] --out capture.jsonl [--max-size 2GB] [--rotate] [--insecure | --ca-cert F]`
 *
 * The headless recorder: a long capture without a browser, in the format the app imports
 * (docs/reference/capture-format.md). `--help` lists the flags; the modules are in scripts/recorder/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { normalizeEndpoint, type Endpoint } from '../src/connection/endpoint-url';
import type { SessionTarget } from '../src/store/session-preflight';
import { originOf } from './recorder/capture-lines';
import { CaptureWriter } from './recorder/capture-writer';
import { createNodeFetch, type TlsOptions } from './recorder/node-fetch';
import { EXIT_CODES, parseRecordArgs, type RecordOptions } from './recorder/record-options';
import { sessionTarget } from './recorder/recorder-preflight';
import { RecorderSession, type StopReason } from './recorder/recorder-session';
import { startProgress } from './recorder/progress-reporter';

const say = (line: string): void => void process.stderr.write(`${line}\n`);

const EXIT_FOR: Record<StopReason, number> = { stopped: EXIT_CODES.stopped, 'max-size': EXIT_CODES.maxSize, failed: EXIT_CODES.failed };

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseRecordArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${parsed.text}\n`);
    return EXIT_CODES.stopped;
  }
  if (parsed.kind === 'error') {
    say(`record: ${parsed.text}`);
    return EXIT_CODES.usage;
  }
  const options = parsed.options;
  const setup = prepare(options);
  if (typeof setup === 'string') {
    say(`record: ${setup}`);
    return EXIT_CODES.usage;
  }

  const { endpoint, target, tls } = setup;
  const user = target.request.auth === 'password' ? target.request.username : '';
  const session = new RecorderSession({
    target,
    transport: createNodeFetch(tls),
    tls,
    filters: options.filters,
    log: (line) => say(`${new Date().toISOString()} ${line}`),
    createWriter: () =>
      new CaptureWriter({
        path: options.out,
        maxSize: options.maxSize,
        rotate: options.rotate,
        endpointOrigin: originOf(endpoint.httpBase),
        user,
        now: Date.now,
      }),
  });
  const started = await session.start();
  if (!started.ok) {
    say(`record: ${started.message}`);
    return EXIT_CODES.failed;
  }
  const who = user ? ` as ${user}` : '';
  const credential = session.credentialMask ? ` (token ${session.credentialMask})` : '';
  say(`record: connected to ${originOf(endpoint.httpBase)}${who}${credential}; writing ${options.out}; Ctrl+C stops`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => session.finish('stopped', `${signal}: stopped`));
  }
  const stopProgress = startProgress(session, options.progressMs, say);
  const end = await session.done;
  stopProgress();
  const writer = session.writer;
  const files = writer && writer.filesWritten > 1 ? ` in ${writer.filesWritten} files (last ${writer.currentPath})` : '';
  say(`record: ${end.message}; ${writer?.totalEvents ?? 0} events written${files}`);
  return EXIT_FOR[end.reason];
}

/** Everything checked before the network: the endpoint, the files, the TLS material. A string is the problem. */
function prepare(options: RecordOptions): { endpoint: Endpoint; target: SessionTarget; tls: TlsOptions } | string {
  const normalized = normalizeEndpoint(options.endpoint);
  if (!normalized.ok) return `--endpoint ${JSON.stringify(options.endpoint)}: ${normalized.reason}`;
  const { httpBase, wsUrl, secure, hostPort } = normalized;
  const endpoint: Endpoint = { httpBase, wsUrl, secure, hostPort };
  if (existsSync(options.out)) return `${options.out} already exists; choose another --out (a capture is never overwritten)`;
  let ca: string | null = null;
  try {
    if (options.caCert !== null) ca = readFileSync(options.caCert, 'utf8');
    return {
      endpoint,
      target: sessionTarget(options.endpoint, endpoint, options.credentials),
      tls: { ca, rejectUnauthorized: !options.insecure },
    };
  } catch (error) {
    return (error as Error).message;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`record: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(EXIT_CODES.failed);
  },
);
