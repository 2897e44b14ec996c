import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A V8 CPU profile as `node --cpu-prof` writes it (times in µs of the monotonic clock). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface TopFunction {
  name: string;
  /** Share of the process's busy samples inside the load windows (idle excluded). */
  share: number;
  ms: number;
}

export interface ProcessProfile {
  process: string;
  /** Busy CPU time inside the load windows. */
  busyMs: number;
  top: TopFunction[];
  /** The same self time by where the code lives: an npm package, node's own, the platform's code, V8 (GC, native). */
  byOrigin: TopFunction[];
}

/** The package a function's file belongs to, 'node' for node's own, 'platform' for this repository's code, else the native frame's name. */
function originOf(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = frame.url.replace(/^file:\/\//, '');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (inModules) return inModules[1];
  if (file.startsWith('node:')) return 'node';
  if (file) return 'platform';
  return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame'], root: string): string {
  const file = frame.url.replace(/^file:\/\//, '');
  const where = file ? `${file.startsWith(root) ? path.relative(root, file) : file}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
}

/**
 * The functions a process spent its CPU in while load ran (self time of the samples inside the windows),
 * from the profile it wrote on exit; null when it wrote none.
 */
export function topFunctions(file: string, processName: string, windows: [number, number][], root: string, count = 10): ProcessProfile | null {
  if (!existsSync(file)) return null;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfMs = new Map<string, number>();
  const originMs = new Map<string, number>();
  let busyMs = 0;
  let at = profile.startTime;
  profile.samples.forEach((nodeId, index) => {
    at += profile.timeDeltas[index];
    const weight = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const frame = frames.get(nodeId)!;
    if (frame.functionName === '(idle)' || !windows.some(([start, end]) => at >= start && at <= end)) return;
    busyMs += weight;
    const name = frameName(frame, root);
    selfMs.set(name, (selfMs.get(name) ?? 0) + weight);
    const origin = originOf(frame);
    originMs.set(origin, (originMs.get(origin) ?? 0) + weight);
  });
  const ranked = (totals: Map<string, number>) =>
    [...totals].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, ms]) => ({ name, ms, share: busyMs ? ms / busyMs : 0 }));
  return { process: processName, busyMs, top: ranked(selfMs), byOrigin: ranked(originMs) };
}
