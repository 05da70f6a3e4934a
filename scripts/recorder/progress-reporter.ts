/**
 * The recorder's progress line on stderr, every few seconds: events, rate since the last line, bytes
 * written, the current file and the connection. The credential appears only masked (`abcd…`).
 */
import type { RecorderSession } from './recorder-session';

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export function progressLine(session: RecorderSession, eventsPerSecond: number): string {
  const writer = session.writer;
  const events = writer?.totalEvents ?? 0;
  const parts = [
    `${events.toLocaleString('en-US')} events`,
    `${eventsPerSecond.toFixed(1)}/s`,
    formatBytes(writer?.totalBytes ?? 0),
    `to ${writer?.currentPath ?? '(no file yet)'}`,
    session.connected ? 'connected' : 'reconnecting',
  ];
  if (session.drops > 0) parts.push(`${session.drops} drop${session.drops === 1 ? '' : 's'}`);
  if (session.malformed > 0) parts.push(`${session.malformed} malformed frames skipped`);
  if (session.credentialMask) parts.push(`token ${session.credentialMask}`);
  return `${new Date().toISOString()} ${parts.join(', ')}`;
}

/** Starts the periodic line; returns the function that stops it. */
export function startProgress(session: RecorderSession, intervalMs: number, write: (line: string) => void): () => void {
  let lastEvents = 0;
  let lastAt = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    const events = session.writer?.totalEvents ?? 0;
    const rate = ((events - lastEvents) * 1000) / Math.max(1, now - lastAt);
    lastEvents = events;
    lastAt = now;
    write(progressLine(session, rate));
  }, intervalMs);
  return () => clearInterval(timer);
}
