/**
 * `npm start`: builds the inspector, serves it, starts the DRP simulator as a demo endpoint and
 * prints the URL to open. `npm run dev` does the same with Vite's dev server (hot reload).
 *
 * The demo credentials reach the page through `/demo.json` (demo-config-plugin.ts).
 */
import { build, createServer, preview } from 'vite';
import { startSimulator } from '../simulator/simulator';
import { DEMO_PASSWORD, DEMO_USER, demoConfigPlugin } from './demo-config-plugin';
import { parseStartArgs } from './start-options';

const parsed = parseStartArgs(process.argv.slice(2));
if (parsed.kind !== 'run') {
  (parsed.kind === 'help' ? console.log : console.error)(parsed.text);
  process.exit(parsed.kind === 'help' ? 0 : 2);
}
const args = parsed.args;

async function startDemoSimulator() {
  const common = { host: '127.0.0.1', tls: args.tls, rate: Number(args.rate), machines: Number(args.machines), seed: 1 };
  try {
    return await startSimulator({ ...common, port: Number(args['sim-port']) });
  } catch (error) {
    // A DRP endpoint or an earlier demo may already hold 8092; the demo still works on any free port.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`port ${args['sim-port']} is busy; starting the simulator on a free port instead`);
    return startSimulator({ ...common, port: 0 });
  }
}

async function main() {
  const sim = await startDemoSimulator();
  const appPort = Number(args['app-port']);
  const plugins = [demoConfigPlugin(sim.httpUrl)];
  const server = { host: '127.0.0.1', port: appPort, strictPort: false, open: false };
  let appUrl: string | undefined;
  let closeApp: () => Promise<void>;
  if (args.dev) {
    const dev = await createServer({ plugins, server });
    await dev.listen();
    appUrl = dev.resolvedUrls?.local[0];
    closeApp = () => dev.close();
  } else {
    console.log('building the inspector (vite build)…');
    await build({ logLevel: 'warn' });
    const served = await preview({ plugins, preview: server });
    appUrl = served.resolvedUrls?.local[0];
    closeApp = () => served.close();
  }
  const openUrl = `${appUrl}?endpoint=${encodeURIComponent(sim.httpUrl)}`;
  console.log('');
  console.log(`  DRP simulator     ${sim.httpUrl}  (websocket ${sim.wsUrl})`);
  console.log(`  demo login        ${DEMO_USER} / ${DEMO_PASSWORD}`);
  console.log(`  background load   ${args.rate} events/s from ${args.machines} machines`);
  console.log('');
  console.log(`  Open the inspector:  ${openUrl}`);
  console.log('');
  console.log('  Ctrl+C stops both.');

  const stop = async () => {
    await Promise.allSettled([closeApp(), sim.close()]);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
