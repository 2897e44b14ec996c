import { ConfigError, loadConfig } from '@campus/config';
import path from 'node:path';
import { DiskStore, S3Store } from '@campus/files';
import { evidenceSettings, evidenceVariables } from './evidence-config';

const settingsFrom = (env: NodeJS.ProcessEnv) => evidenceSettings(loadConfig(evidenceVariables(), env));

describe('evidence configuration', () => {
  it('keeps files on disk under .data/evidence, up to 20 MiB, by default', () => {
    const config = loadConfig(evidenceVariables(), {});
    expect(config).toMatchObject({ EVIDENCE_STORE: 'disk', EVIDENCE_DIR: path.resolve('.data/evidence'), EVIDENCE_MAX_BYTES: 20 * 1024 * 1024 });
    const settings = evidenceSettings(config);
    expect(settings.maxBytes).toBe(20 * 1024 * 1024);
    expect(settings.createStore()).toBeInstanceOf(DiskStore);
  });

  it('uses an S3-compatible bucket when configured, and names what is missing', () => {
    const incomplete = () => settingsFrom({ EVIDENCE_STORE: 's3', S3_BUCKET: 'evidence' });
    expect(incomplete).toThrow(ConfigError);
    expect(incomplete).toThrow('S3_ACCESS_KEY_ID is required when EVIDENCE_STORE=s3\n  - S3_SECRET_ACCESS_KEY is required when EVIDENCE_STORE=s3');
    const settings = settingsFrom({ EVIDENCE_STORE: 's3', S3_BUCKET: 'evidence', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_ENDPOINT: 'http://minio:9000' });
    expect(settings.createStore()).toBeInstanceOf(S3Store);
  });

  it('refuses bad values with the variable named', () => {
    expect(() => loadConfig(evidenceVariables(), { EVIDENCE_STORE: 'ftp' })).toThrow(/EVIDENCE_STORE must be one of disk, s3/);
    expect(() => loadConfig(evidenceVariables(), { EVIDENCE_MAX_BYTES: '0' })).toThrow(/EVIDENCE_MAX_BYTES must be >= 1/);
    expect(() => loadConfig(evidenceVariables(), { S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
  });
});
