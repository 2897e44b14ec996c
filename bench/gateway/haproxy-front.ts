/**
 * Shedding in front of Node, for bench:overload's `--haproxy` phases: HAProxy (Debian's `haproxy` package, not part
 * of the platform) in front of the gateway, passing it at most `maxConnections` requests at once and answering
 * every request that finds no free slot within `queueMs` with the gateway's own 503 (Retry-After, OVERLOADED), so
 * that refusals never reach Node's event loop.
 */
import { overloadedGraphQLBody } from '@campus/graphql';
import { startProcess, stopApp, waitForPort } from '@campus/platform';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
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
  /** Where its configuration, error answer and log are written. */
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
  const body = JSON.stringify(overloadedGraphQLBody(retryAfterSeconds));
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
  // -db: in the foreground, so that it ends with its process.
  const haproxy = startProcess('haproxy', 'haproxy', ['-db', '-f', configFile], options.port, process.env, options.dir);
  await waitForPort(haproxy);
  return {
    url: `http://127.0.0.1:${options.port}/graphql`,
    describe: `HAProxy ${haproxyVersion()}, at most ${options.maxConnections} requests at once to the gateway, \`timeout queue ${options.queueMs}ms\``,
    stop: () => stopApp(haproxy),
  };
}
