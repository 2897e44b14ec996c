import { ConfigError, loadConfig } from '@campus/config';
import path from 'node:path';
import { DiskStore } from './disk-store';
import { fileStoreSettings, fileStoreVariables } from './file-store-config';
import { S3Store } from './s3-store';

const variables = () => fileStoreVariables({ prefix: 'DOCS', files: 'documents', file: 'document', defaultDir: '.data/docs', defaultMaxBytes: 1024 });

describe('file store variables of a service, named by its prefix', () => {
  it('defaults to a directory and the given size limit', () => {
    const config = loadConfig(variables(), {});
    expect(config).toMatchObject({ DOCS_STORE: 'disk', DOCS_DIR: path.resolve('.data/docs'), DOCS_MAX_BYTES: 1024 });
    const settings = fileStoreSettings('DOCS', config);
    expect(settings.maxBytes).toBe(1024);
    expect(settings.createStore()).toBeInstanceOf(DiskStore);
  });

  it('builds an S3 store with the shared S3 variables, and names what is missing by the prefix', () => {
    expect(() => fileStoreSettings('DOCS', loadConfig(variables(), { DOCS_STORE: 's3', S3_BUCKET: 'docs' }))).toThrow(ConfigError);
    expect(() => fileStoreSettings('DOCS', loadConfig(variables(), { DOCS_STORE: 's3' }))).toThrow(/S3_BUCKET is required when DOCS_STORE=s3/);
    const config = loadConfig(variables(), { DOCS_STORE: 's3', S3_BUCKET: 'docs', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', DOCS_MAX_BYTES: '2048' });
    const settings = fileStoreSettings('DOCS', config);
    expect(settings.maxBytes).toBe(2048);
    expect(settings.createStore()).toBeInstanceOf(S3Store);
    expect(() => loadConfig(variables(), { DOCS_STORE: 'ftp' })).toThrow(/DOCS_STORE must be one of disk, s3/);
  });
});
