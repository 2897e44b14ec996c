/**
 * Shedding in front of Node, for bench:overload's `--haproxy` phases: HAProxy (Debian's `haproxy` package, not part
 * of the platform) in front of the gateway, passing it at most `maxConnections` requests at once and answering
 * every request that finds no free slot within `queueMs` with the gateway's own 503 (Retry-After, OVERLOADED), so
 * that refusals never reach Node's event loop.
 */
import { REASONS } from '@campus/graphql';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface HaproxyFront {
  url: string;
  /** HAProxy's settings as the report prints them. */
  describe: string;
  stop: () => Promise<void>;
}

export interface HaproxyOptions {
  port: number;
  gatewayPort: number;
  maxConnections: number;
  queueMs: number;
  retryAfterSeconds: number;
  /** Where its configuration and error answer are written. */
  dir: string;
}

/** The installed HAProxy's version (`apt-get install haproxy`), or null without one. */
export function haproxyVersion(): string | null {
  try {
    return execFileSync('haproxy', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(' ')[2] ?? '';
  } catch {
    return null;
  }
}

/** The gateway's shed answer, as HAProxy writes it: status line, headers and body in one file. */
function overloadedAnswer(retryAfterSeconds: number): string {
  const message = `${REASONS.OVERLOADED.message} (SERVICE_UNAVAILABLE)`;
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'OVERLOADED', retryAfterSeconds } }] });
  const headers = ['HTTP/1.1 503 Service Unavailable', 'content-type: application/json; charset=utf-8', `retry-after: ${retryAfterSeconds}`, `content-length: ${Buffer.byteLength(body)}`];
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

function configuration(options: HaproxyOptions, errorFile: string): string {
  return [
    'global',
    '  maxconn 4096',
    '  nbthread 1',
    'defaults',
    '  mode http',
    '  option http-keep-alive',
    '  timeout connect 1s',
    '  timeout client 60s',
    '  timeout server 30s',
    '  timeout http-keep-alive 60s',
    `  timeout queue ${options.queueMs}ms`,
    `  errorfile 503 ${errorFile}`,
    'frontend front',
    `  bind 127.0.0.1:${options.port}`,
    '  default_backend gateway',
    'backend gateway',
    '  http-reuse always',
    `  server gateway 127.0.0.1:${options.gatewayPort} maxconn ${options.maxConnections}`,
    '',
  ].join('\n');
}

export async function startHaproxyFront(options: HaproxyOptions): Promise<HaproxyFront> {
  mkdirSync(options.dir, { recursive: true });
  const errorFile = path.join(options.dir, '503.http');
  const configFile = path.join(options.dir, 'haproxy.cfg');
  writeFileSync(errorFile, overloadedAnswer(options.retryAfterSeconds));
  writeFileSync(configFile, configuration(options, errorFile));
  // -db: in the foreground, so that it ends with this process's kill.
  const child = spawn('haproxy', ['-db', '-f', configFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  await listening(options.port, child);
  return {
    url: `http://127.0.0.1:${options.port}/graphql`,
    describe: `HAProxy ${haproxyVersion()}, at most ${options.maxConnections} requests at once to the gateway, \`timeout queue ${options.queueMs}ms\``,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function listening(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`haproxy did not listen on ${port}`);
}
