import { readFileSync } from 'node:fs';

/** A service's JSON log line, as pino writes it. */
export type LogEntry = { time: string | number; msg: string } & Record<string, unknown>;

/** The newest line of the service's log with this message written at or after `since`, or null. */
export function newestLogEntry(logFile: string, message: string, since: number): LogEntry | null {
  const lines = readFileSync(logFile, 'utf8').split('\n').filter((line) => line.includes(message));
  for (const line of lines.reverse()) {
    const entry = JSON.parse(line) as LogEntry;
    if (new Date(entry.time).getTime() < since) return null;
    if (entry.msg === message) return entry;
  }
  return null;
}

/** libs/server/src/service.ts: the start's phases (startupMs) and CPU time (cpuMs) when it serves; a clean stop's phases (stopMs). */
export const SERVING = 'serving; relay, jobs and consumer started';
export const RELEASED = 'resources released';
