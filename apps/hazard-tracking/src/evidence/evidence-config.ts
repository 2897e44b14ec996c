import { ConfigError, ConfigOf, enumVar, intVar, optionalStringVar, optionalUrlVar, stringVar } from '@campus/config';
import path from 'node:path';
import { DiskStore } from './disk-store';
import { EvidenceStore } from './evidence-store';
import { S3Store } from './s3-store';

/** hazard-tracking's variables for evidence files, validated with the others at start. */
export function evidenceVariables() {
  return {
    EVIDENCE_STORE: enumVar('where evidence files are kept: disk (EVIDENCE_DIR) or s3 (an S3-compatible bucket)', ['disk', 's3'] as const, 'disk'),
    EVIDENCE_DIR: stringVar('directory of evidence files when EVIDENCE_STORE=disk', path.resolve(process.cwd(), '.data/evidence')),
    EVIDENCE_MAX_BYTES: intVar('largest evidence file accepted, in bytes', 20 * 1024 * 1024, { min: 1, max: 1024 * 1024 * 1024 }),
    S3_ENDPOINT: optionalUrlVar('S3-compatible endpoint, e.g. http://minio:9000 (default: AWS S3 in S3_REGION)', ['http', 'https']),
    S3_BUCKET: optionalStringVar('bucket of evidence files when EVIDENCE_STORE=s3'),
    S3_REGION: stringVar('S3 region (signing scope)', 'us-east-1'),
    S3_ACCESS_KEY_ID: optionalStringVar('S3 access key id'),
    S3_SECRET_ACCESS_KEY: optionalStringVar('S3 secret access key'),
    S3_FORCE_PATH_STYLE: enumVar('bucket in the URL path (most S3-compatible servers) rather than the host name', ['true', 'false'] as const, 'false'),
  };
}

export interface EvidenceSettings {
  maxBytes: number;
  createStore(): EvidenceStore;
}

type EvidenceConfig = ConfigOf<ReturnType<typeof evidenceVariables>>;

/** Checks the combination (s3 needs a bucket and keys) and says how to build the store. */
export function evidenceSettings(config: EvidenceConfig): EvidenceSettings {
  const maxBytes = config.EVIDENCE_MAX_BYTES;
  if (config.EVIDENCE_STORE === 'disk') return { maxBytes, createStore: () => new DiskStore(path.resolve(config.EVIDENCE_DIR)) };
  const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  if (!bucket || !accessKeyId || !secretAccessKey) {
    const missing = Object.entries({ S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey })
      .filter(([, value]) => !value)
      .map(([name]) => `${name} is required when EVIDENCE_STORE=s3`);
    throw new ConfigError(missing);
  }
  const options = {
    endpoint: config.S3_ENDPOINT,
    bucket,
    region: config.S3_REGION,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: config.S3_FORCE_PATH_STYLE === 'true',
  };
  return { maxBytes, createStore: () => new S3Store(options) };
}
