import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

export interface MysqlHandle {
  url: string;
  /** Stops the private instance, if this process started one. */
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    const connection = await createConnection({ uri: url, connectTimeout: 2000 });
    await connection.query('SELECT 1');
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

function findMariadbd(): string | null {
  for (const candidate of ['/usr/sbin/mariadbd', '/usr/bin/mariadbd', '/usr/local/bin/mariadbd']) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('sh', ['-c', 'command -v mariadbd'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Finds MySQL at the URL; when nothing answers and MariaDB is installed, starts a private instance
 * with its data under dataDir, listening on the URL's port.
 */
export async function ensureMysql(url: string, dataDir: string, log: (line: string) => void): Promise<MysqlHandle> {
  if (await answers(url)) return { url, stop: async () => undefined };
  const mariadbd = findMariadbd();
  if (!mariadbd) {
    throw new Error(
      `No MySQL answers at ${url}. Install MariaDB (Debian/Ubuntu: apt-get install mariadb-server) ` +
        'or point MYSQL_URL at a MySQL 8 / MariaDB 10.11 server.',
    );
  }
  const parsed = new URL(url);
  const port = parsed.port || '3306';
  const datadir = path.resolve(dataDir, 'mariadb');
  const user = userInfo().username;
  if (!existsSync(path.join(datadir, 'mysql'))) {
    log(`initialising a private MariaDB in ${datadir}`);
    mkdirSync(datadir, { recursive: true });
    execFileSync(
      'mariadb-install-db',
      ['--no-defaults', `--datadir=${datadir}`, `--user=${user}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
      { stdio: 'ignore' },
    );
  }
  log(`starting a private MariaDB on 127.0.0.1:${port}`);
  const child = spawn(
    mariadbd,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${path.join(datadir, 'mariadb.sock')}`,
      `--pid-file=${path.join(datadir, 'mariadb.pid')}`,
      `--user=${user}`,
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 30_000;
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the private MariaDB did not start (see ${datadir}/*.err)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
