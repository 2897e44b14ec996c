import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '../server/repo-root';

/**
 * Golden vectors captured from a real Kafka (from the kafkajs repository, MIT): request and response
 * bodies without size and correlation header, stored as Buffer.toJSON, in tools/kafka-broker/fixtures
 * with kafkajs's licence.
 */
export function fixturesDir(): string {
  return path.join(findRepoRoot(), 'tools/kafka-broker/fixtures');
}

/** Reads `<api>/<name>.json`, e.g. `fixture('produce', 'v7_request')`. */
export function fixture(api: string, name: string): Buffer {
  const json = JSON.parse(readFileSync(path.join(fixturesDir(), api, `${name}.json`), 'utf8')) as { type: 'Buffer'; data: number[] };
  return Buffer.from(json.data);
}
