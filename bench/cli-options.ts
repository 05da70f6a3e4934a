/** `npm run bench -- [--quick] [--only a,b] [--seconds N] [--rates 500,1000] [--deep-events N] [--record-rates 2000,4000] [--drops N] [--no-write] [--profile RATE]` */

/** `profile` runs only with `--profile RATE`. */
export const PHASES = [
  'bundle',
  'first-render',
  'ladder',
  'ladder-large',
  'profile',
  'click',
  'diff',
  'memory',
  'history',
  'deep',
  'import',
  'reconnect',
] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions {
  quick: boolean;
  phases: ReadonlySet<Phase>;
  /** Seconds per ladder rung. */
  seconds: number;
  rates: number[];
  largeRates: number[];
  clicks: number;
  clickFloodRate: number;
  /** Buffered events for the memory and scroll figures (the target is stated at 100k). */
  bufferTarget: number;
  fillRate: number;
  scrollSeconds: number;
  firstRenderSamples: number;
  diffIterations: number;
  /** The deep window: events recorded to disk (the target is stated at 1,000,000), the ladder with Record to disk on. */
  deepEvents: number;
  recordRates: number[];
  /** Size of the generated capture file the import is timed with (the target is stated at 200 MB). */
  importBytes: number;
  /** Forced socket drops for the reconnect gap (each after a healthy 10 s connection). */
  drops: number;
  write: boolean;
  /** Also record a CPU profile of the app during a burst at this rate (bench/out/). */
  profileRate: number | null;
}

const FULL: Omit<BenchOptions, 'quick' | 'phases' | 'write' | 'profileRate'> = {
  seconds: 3,
  rates: [500, 1000, 2000, 3000, 5000, 8000],
  largeRates: [200, 400, 600, 800, 900, 1000, 1500],
  clicks: 12,
  clickFloodRate: 2000,
  bufferTarget: 100_000,
  fillRate: 5000,
  scrollSeconds: 3,
  firstRenderSamples: 5,
  diffIterations: 30,
  deepEvents: 1_000_000,
  importBytes: 200_000_000,
  recordRates: [2000, 4000, 5000, 6000, 6500, 7000, 7500, 8000],
  drops: 20,
};

const QUICK: typeof FULL = {
  seconds: 2,
  rates: [1000, 3000, 8000],
  largeRates: [500, 1000],
  clicks: 6,
  clickFloodRate: 2000,
  bufferTarget: 20_000,
  fillRate: 5000,
  scrollSeconds: 2,
  firstRenderSamples: 2,
  diffIterations: 10,
  deepEvents: 100_000,
  importBytes: 50_000_000,
  recordRates: [2000, 6000],
  drops: 5,
};

function numberList(text: string | undefined, flag: string): number[] {
  const values = (text ?? '').split(',').map(Number);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v <= 0))
    throw new Error(`${flag} needs a comma list of positive numbers`);
  return values;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = { ...(quick ? QUICK : FULL), quick, phases: new Set(PHASES), write: true, profileRate: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '--quick':
        break;
      case '--only': {
        const names = value().split(',');
        const unknown = names.filter((n) => !(PHASES as readonly string[]).includes(n));
        if (unknown.length > 0) throw new Error(`unknown phase(s) ${unknown.join(', ')}; phases: ${PHASES.join(', ')}`);
        options.phases = new Set(names as Phase[]);
        break;
      }
      case '--seconds':
        options.seconds = numberList(value(), arg)[0];
        break;
      case '--rates':
        options.rates = numberList(value(), arg);
        break;
      case '--large-rates':
        options.largeRates = numberList(value(), arg);
        break;
      case '--buffer':
        options.bufferTarget = numberList(value(), arg)[0];
        break;
      case '--deep-events':
        options.deepEvents = numberList(value(), arg)[0];
        break;
      case '--record-rates':
        options.recordRates = numberList(value(), arg);
        break;
      case '--drops':
        options.drops = numberList(value(), arg)[0];
        break;
      case '--no-write':
        options.write = false;
        break;
      case '--profile':
        options.profileRate = numberList(value(), arg)[0];
        break;
      default:
        throw new Error(`unknown flag ${arg}; see bench/cli-options.ts`);
    }
  }
  return options;
}
