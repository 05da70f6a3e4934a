import type { DrpEvent } from '../src/protocol/event';
import type { Clock } from './clock';
import type { Prng } from './prng';
import { buildLogLine } from './workload-objects';

/** The levels a `log` event's Action takes (docs/reference/drp-protocol.md §5, `digitalrebar/logger` `Level.String()`). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'panic', 'audit'] as const;

type LogTemplate = readonly [service: string, level: (typeof LOG_LEVELS)[number], file: string, message: string];

/**
 * Background log lines with a weight each: a real endpoint logs mostly at info and debug, audits
 * every authenticated request, and only rarely says fatal or panic; the admin schedule adds one of
 * each per round (a plugin crash, a recovered handler panic) so a short run meets every level.
 */
const LOG_MESSAGES: ReadonlyArray<readonly [weight: number, LogTemplate]> = [
  [10, ['frontend', 'info', 'frontend/machines.go', 'PATCH /api/v3/machines from runner']],
  [8, ['frontend', 'debug', 'frontend/frontend.go', 'API: st: 200 m: GET /api/v3/machines/<uuid>']],
  [8, ['backend', 'info', 'backend/jobs.go', 'Job finished, advancing machine']],
  [6, ['dhcp', 'info', 'midlayer/dhcp.go', 'Handling DHCPREQUEST from client']],
  [5, ['dhcp', 'debug', 'midlayer/dhcp.go', 'Lease renewed']],
  [4, ['static', 'debug', 'midlayer/static.go', 'Serving file']],
  [3, ['backend', 'trace', 'backend/dataTracker.go', 'lock acquired: machines, jobs']],
  [2, ['frontend', 'trace', 'frontend/websocket.go', 'ws: register machines.*.*']],
  [6, ['frontend', 'audit', 'frontend/frontend.go', 'Auth: user rocketskates authenticated with basic auth']],
  [3, ['plugin', 'warn', 'midlayer/plugin.go', 'ipmi: BMC slow to answer, retrying']],
  [2, ['backend', 'warn', 'backend/leases.go', 'Lease for 0A0A0C39 expired, removing']],
  [2, ['backend', 'error', 'backend/dataTracker.go', 'Param validation failed for machine']],
  [1, ['plugin', 'error', 'midlayer/plugin.go', 'ipmi: poweron failed: connection refused']],
];

export interface LogLine {
  service: string;
  level: string;
  file: string;
  message: string;
  principal: string;
}

/** Writes `log.<level>.<service>` events with the logger's running Seq and Group (§6, log event). */
export class LogWriter {
  private seq = 1;

  constructor(
    private readonly publish: (event: DrpEvent) => void,
    private readonly clock: Clock,
  ) {}

  /** One line from the weighted background mix; the principal is drawn from the same stream. */
  random(rng: Prng): LogLine {
    const total = LOG_MESSAGES.reduce((sum, [w]) => sum + w, 0);
    let roll = rng.next() * total;
    let template = LOG_MESSAGES[0][1];
    for (const [w, t] of LOG_MESSAGES) {
      template = t;
      roll -= w;
      if (roll < 0) break;
    }
    const [service, level, file, message] = template;
    const principal = level === 'audit' ? 'user:rocketskates' : rng.pick(['user:rocketskates', 'system', service]);
    return { service, level, file, message, principal };
  }

  writeLine(line: LogLine): boolean {
    return this.write(line.service, line.level, line.file, line.message, line.principal);
  }

  write(service: string, level: string, file: string, message: string, principal: string): boolean {
    const seq = this.seq++;
    const nowMs = this.clock.nowMs();
    const object = buildLogLine({
      group: 4000 + Math.floor(seq / 7),
      seq,
      nowMs,
      service,
      principal,
      level,
      file,
      line: 100 + (seq % 300),
      message,
    });
    this.publish({
      Time: this.clock.timestamp(),
      Type: 'log',
      Action: level,
      Key: service,
      Principal: principal,
      Object: object,
      Original: null,
    });
    return true;
  }
}
