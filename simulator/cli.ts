/**
 * `npm run sim -- --port 8092 [--tls] [--rate 20] [--machines 50] [--seed 1] [--host 127.0.0.1]
 *  [--tz Z|+02:00|local|Europe/Berlin] [--drop-stalled-readers]`
 * Runs the DRP simulator until SIGINT/SIGTERM. See docs/simulator.md.
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './simulator';
import { DEMO_USERS } from './users';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8092' },
    host: { type: 'string', default: '127.0.0.1' },
    tls: { type: 'boolean', default: false },
    rate: { type: 'string', default: '20' },
    machines: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    tz: { type: 'string', default: 'Z' },
    'drop-stalled-readers': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function intOption(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    console.error(`--${name} must be an integer >= ${min}, got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  if (values.help) {
    console.log(
      'usage: npm run sim -- [--port 8092] [--host 127.0.0.1] [--tls] [--rate 20] [--machines 50] [--seed 1] [--tz Z] [--drop-stalled-readers] [--quiet]',
    );
    return;
  }
  const sim = await startSimulator({
    host: values.host,
    port: intOption('port', values.port, 0),
    tls: values.tls,
    rate: intOption('rate', values.rate, 0),
    machines: intOption('machines', values.machines, 0),
    seed: intOption('seed', values.seed, 0),
    tz: values.tz,
    dropStalledReaders: values['drop-stalled-readers'],
    log: values.quiet ? undefined : (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  console.log(`DRP simulator listening`);
  console.log(`  REST       ${sim.httpUrl}/api/v3   (info: ${sim.httpUrl}/api/v3/info)`);
  console.log(`  events     ${sim.wsUrl}?token=<token or user:password>`);
  console.log(`  users      ${DEMO_USERS.map((u) => `${u.name} / ${u.password} (${u.roles.join(',')})`).join('; ')}`);
  console.log(`  control    POST ${sim.httpUrl}/sim/control   stats: GET ${sim.httpUrl}/sim/stats`);
  console.log(`  workload   ${values.rate} events/s from ${values.machines} machines, seed ${values.seed}`);
  console.log(
    `  times      zone ${values.tz}; stalled readers ${values['drop-stalled-readers'] ? 'dropped after the 10 s write deadline' : 'buffered'}`,
  );
  if (values.tls) console.log(`  TLS        self-signed; open ${sim.httpUrl}/ in the browser and accept the certificate first`);
  console.log('Ctrl+C stops it.');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
