import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock ticks a second (USER_HZ) in /proc/<pid>/stat. */
const TICKS_PER_SECOND = 100;

/** CPU time (ticks) of the platform's processes at one moment, by pid. */
export type CpuSnapshot = Map<number, { name: string; ticks: number }>;

/** Which platform process a command line is: a service by its compiled entry, the dev broker, MariaDB, HAProxy in front; else not ours. */
function platformProcessName(commandLine: string): string | undefined {
  if (commandLine.includes('mariadbd')) return 'MariaDB';
  if (commandLine.startsWith('haproxy ')) return 'HAProxy';
  if (commandLine.includes('/dist/tools/kafka-broker/')) return 'dev broker';
  return /\/dist\/apps\/([a-z-]+)\//.exec(commandLine)?.[1];
}

/** The platform's processes' CPU time so far (Linux /proc; empty elsewhere). */
export function cpuSnapshot(): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return snapshot;
  }
  for (const pid of pids) {
    try {
      const name = platformProcessName(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
      if (!name) continue;
      // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      snapshot.set(Number(pid), { name, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return snapshot;
}

/** Cores each platform process kept busy between two snapshots `seconds` apart, busiest first. */
export function coresBetween(before: CpuSnapshot, after: CpuSnapshot, seconds: number): { name: string; cores: number }[] {
  const byName = new Map<string, number>();
  for (const [pid, { name, ticks }] of after) {
    const used = ticks - (before.get(pid)?.ticks ?? ticks);
    byName.set(name, (byName.get(name) ?? 0) + used / TICKS_PER_SECOND / seconds);
  }
  return [...byName].map(([name, cores]) => ({ name, cores })).sort((a, b) => b.cores - a.cores);
}
