/**
 * `npm start`: builds the inspector, serves it, starts the DRP simulator as a demo endpoint and
 * prints the URL to open. `npm run dev` does the same with Vite's dev server (hot reload).
 *
 * The demo credentials reach the page through `/demo.json` on the app's own origin (served only by
 * this script), never through the page URL: the brief forbids tokens or passwords in URLs.
 */
import { parseArgs } from 'node:util';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { build, createServer, preview, type Plugin } from 'vite';
import { startSimulator } from '../simulator/simulator';

const { values: args } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    'sim-port': { type: 'string', default: '8092' },
    'app-port': { type: 'string', default: '4173' },
    rate: { type: 'string', default: '20' },
    machines: { type: 'string', default: '50' },
    tls: { type: 'boolean', default: false },
  },
});

const DEMO_USER = 'rocketskates';
const DEMO_PASSWORD = 'r0cketsk8ts';

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

function demoConfigPlugin(endpoint: string): Plugin {
  const serveDemoConfig = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== '/demo.json') return next();
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify({ endpoint, username: DEMO_USER, password: DEMO_PASSWORD, subscriptions: ['*.*.*'] }));
  };
  return {
    name: 'drp-inspector-demo-config',
    configureServer: (server) => void server.middlewares.use(serveDemoConfig),
    configurePreviewServer: (server) => void server.middlewares.use(serveDemoConfig),
  };
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
