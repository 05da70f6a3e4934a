/** Everything one `npm run bench` measured; each phase fills its part (absent = not run). */
import type { BundleSize } from './bundle-size';
import type { ClickToDiffResult } from './click-to-diff';
import type { DeepWindowResult } from './deep-window-bench';
import type { ProfileSummary } from './cpu-profile';
import type { AppDiffResult, TimingSummary } from './diff-timing';
import type { FirstRenderResult } from './first-render';
import type { ImportResult } from './import-bench';
import type { MachineInfo } from './machine-info';
import type { ChangedPathResult, HistoryResult, ObjectsResult } from './object-history-bench';
import type { MemoryResult } from './memory-per-event';
import type { Payload } from './payloads';
import type { LadderRow } from './rate-ladder';
import type { ReconnectGapResult } from './reconnect-gap';
import type { ScrollResult } from './scroll-frames';

export interface DiffResults {
  bytes: number;
  node: TimingSummary;
  browser?: TimingSummary;
  app?: AppDiffResult;
}

export interface BenchResults {
  machine: MachineInfo;
  mode: 'full' | 'quick';
  command: string;
  durationSeconds: number;
  /** Mean wire size of one event per payload (Node websocket client). */
  frameBytes: Partial<Record<Payload['id'], number>>;
  ladder: LadderRow[];
  clickToDiff?: ClickToDiffResult;
  diff?: DiffResults;
  memory?: MemoryResult & { target: number };
  scroll?: ScrollResult[];
  bundle?: BundleSize;
  firstRender?: FirstRenderResult;
  profile?: ProfileSummary & { rate: number };
  /** Object history: Changed path over 50k, History/Blame of 1,000 versions, Objects with 10,000 objects. */
  changedPath?: ChangedPathResult;
  history?: HistoryResult;
  objects?: ObjectsResult;
  /** A million events on disk, reopened after a reload (bench/deep-window-bench.ts). */
  deepWindow?: DeepWindowResult;
  /** A generated capture file of ~200 MB through Import (bench/import-bench.ts). */
  importFile?: ImportResult;
  /** Drop → re-ack with the server up (its own section in RESULTS.md). */
  reconnect?: ReconnectGapResult;
  /** Phases that threw: the run goes on and says so. */
  failures: string[];
}
