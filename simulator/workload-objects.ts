import { formatGoTime } from '../src/protocol/time';
import { embeddedModelFields, type DrpObject } from './model-keys';

/** Builders for the non-machine payloads of the workload, shaped per docs/reference/drp-protocol.md §5 and §6. */

export const ZERO_TIME = '0001-01-01T00:00:00Z';

export function goTime(ms: number): string {
  return formatGoTime(new Date(ms));
}

export interface JobFields {
  uuid: string;
  previous: string;
  machine: string;
  task: string;
  stage: string;
  workflow: string;
  bootEnv: string;
  index: number;
}

/** A new job as `jobs.create` carries it (v4.8 `models/job.go`; State `created`). */
export function buildJob(f: JobFields): DrpObject {
  return {
    ...embeddedModelFields(),
    Uuid: f.uuid,
    Previous: f.previous,
    Machine: f.machine,
    Task: f.task,
    Stage: f.stage,
    Context: '',
    State: 'created',
    ExitState: '',
    StartTime: ZERO_TIME,
    EndTime: ZERO_TIME,
    Archived: false,
    Current: true,
    CurrentIndex: f.index,
    NextIndex: f.index + 1,
    Workflow: f.workflow,
    BootEnv: f.bootEnv,
  };
}

/** A DHCP lease as the server saves it on every exchange (`leases.save`, key = hex IP, §5). */
export function buildLease(address: string, mac: string, nowMs: number, state: string): DrpObject {
  return {
    ...embeddedModelFields(),
    Addr: address,
    NextServer: '10.10.0.2',
    Via: `${address.split('.').slice(0, 3).join('.')}.1`,
    Token: mac,
    Duration: 7200,
    ExpireTime: goTime(nowMs + 7_200_000),
    Strategy: 'MAC',
    State: state,
    Options: [
      { Code: 1, Value: '255.255.0.0' },
      { Code: 3, Value: '10.10.0.1' },
      { Code: 51, Value: '7200' },
    ],
    ProvidedOptions: [{ Code: 53, Value: '3' }],
    SkipBoot: false,
  };
}

export interface LogFields {
  group: number;
  seq: number;
  nowMs: number;
  service: string;
  principal: string;
  level: string;
  file: string;
  line: number;
  message: string;
}

/** The Object of a `log.<level>.<service>` event (`digitalrebar/logger` `Line`, §5). */
export function buildLogLine(f: LogFields): DrpObject {
  return {
    Group: f.group,
    Seq: f.seq,
    Time: goTime(f.nowMs),
    Service: f.service,
    Principal: f.principal,
    Level: f.level,
    File: f.file,
    Line: f.line,
    Message: f.message,
    Data: [],
    IgnorePublish: false,
  };
}

/**
 * The Object of a `static.serve` / `tftp.serve` event (v3 `midlayer/static.go`, §5). `Status` is a
 * string on a real endpoint: the HTTP code for static (`"200"`, `"404"`), `"SUCCESS"` or `"FAILED"` for tftp.
 */
export function buildServeRecord(
  url: string,
  requestor: string,
  nowMs: number,
  durationMs: number,
  bytes: number,
  status: string,
): DrpObject {
  return {
    Start: goTime(nowMs - durationMs),
    End: goTime(nowMs),
    RequestSize: 0,
    ResponseSize: bytes,
    Status: status,
    Requestor: requestor,
    Url: url,
  };
}
