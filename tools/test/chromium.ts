import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium, which the browser tests (tools/e2e/explorer.e2e-spec.ts) drive through playwright-core. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

/**
 * Installs Debian's Chromium when it is missing, so `npm test` needs no manual step on a fresh machine.
 * The package lists are refreshed only when the first install fails (a fresh image often has none).
 */
export function ensureChromium(log: (line: string) => void): void {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${CHROMIUM_PATH} is missing and only root can install it: apt-get install -y --no-install-recommends chromium`);
  }
  log(`${CHROMIUM_PATH} is missing: installing Debian's chromium package`);
  if (apt(['install', '-y', '--no-install-recommends', 'chromium']) === 0) return;
  log('install failed: refreshing the package lists (apt-get update) and trying again');
  if (apt(['update']) !== 0 || apt(['install', '-y', '--no-install-recommends', 'chromium']) !== 0 || !existsSync(CHROMIUM_PATH)) {
    throw new Error(`could not install chromium with apt-get; install it by hand (apt-get install chromium) so that ${CHROMIUM_PATH} exists`);
  }
}

function apt(args: string[]): number | null {
  return spawnSync('apt-get', args, { stdio: 'inherit', env: APT_ENV }).status;
}
