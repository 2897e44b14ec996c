import { ConfigError, ConfigOf, enumVar, intVar, optionalStringVar, optionalUrlVar, stringVar, VariableSpec } from '@campus/config';
import path from 'node:path';
import { DiskStore } from './disk-store';
import { FileStore } from './file-store';
import { S3Store } from './s3-store';

/** What a service's files are called in the descriptions of its variables, and their defaults. */
export interface FileStoreNaming<P extends string> {
  /** Prefix of the variables: EVIDENCE gives EVIDENCE_STORE, EVIDENCE_DIR, EVIDENCE_MAX_BYTES. */
  prefix: P;
  /** e.g. 'evidence files'. */
  files: string;
  /** e.g. 'evidence file'. */
  file: string;
  /** Directory under the working directory when <prefix>_STORE=disk, e.g. '.data/evidence'. */
  defaultDir: string;
  defaultMaxBytes: number;
}

export type FileStoreVariables<P extends string> = { [K in `${P}_STORE`]: VariableSpec<'disk' | 's3'> } & { [K in `${P}_DIR`]: VariableSpec<string> } & {
  [K in `${P}_MAX_BYTES`]: VariableSpec<number>;
} & ReturnType<typeof s3Variables>;

/**
 * A service's variables for its uploaded files, validated with the others at start: where they are kept
 * (a directory, or an S3-compatible bucket through the shared S3_* variables) and the largest accepted.
 */
export function fileStoreVariables<P extends string>(naming: FileStoreNaming<P>): FileStoreVariables<P> {
  const { prefix, files, file } = naming;
  return {
    [`${prefix}_STORE`]: enumVar(`where ${files} are kept: disk (${prefix}_DIR) or s3 (an S3-compatible bucket)`, ['disk', 's3'] as const, 'disk'),
    [`${prefix}_DIR`]: stringVar(`directory of ${files} when ${prefix}_STORE=disk`, path.resolve(process.cwd(), naming.defaultDir)),
    [`${prefix}_MAX_BYTES`]: intVar(`largest ${file} accepted, in bytes`, naming.defaultMaxBytes, { min: 1, max: 1024 * 1024 * 1024 }),
    ...s3Variables(`${files} when ${prefix}_STORE=s3`),
  } as FileStoreVariables<P>;
}

function s3Variables(bucketOf = 'files when the store is s3') {
  return {
    S3_ENDPOINT: optionalUrlVar('S3-compatible endpoint, e.g. http://minio:9000 (default: AWS S3 in S3_REGION)', ['http', 'https']),
    S3_BUCKET: optionalStringVar(`bucket of ${bucketOf}`),
    S3_REGION: stringVar('S3 region (signing scope)', 'us-east-1'),
    S3_ACCESS_KEY_ID: optionalStringVar('S3 access key id'),
    S3_SECRET_ACCESS_KEY: optionalStringVar('S3 secret access key'),
    S3_FORCE_PATH_STYLE: enumVar('bucket in the URL path (most S3-compatible servers) rather than the host name', ['true', 'false'] as const, 'false'),
  };
}

/** The largest file accepted and how to build the store. */
export interface FileStoreSettings {
  maxBytes: number;
  createStore(): FileStore;
}

type S3Config = ConfigOf<ReturnType<typeof s3Variables>>;

/** Checks the combination (s3 needs a bucket and keys) and says how to build the store. */
export function fileStoreSettings<P extends string>(prefix: P, config: ConfigOf<FileStoreVariables<P>>): FileStoreSettings {
  const own = config as unknown as Record<string, string | number>;
  const maxBytes = Number(own[`${prefix}_MAX_BYTES`]);
  if (own[`${prefix}_STORE`] === 'disk') {
    const dir = path.resolve(String(own[`${prefix}_DIR`]));
    return { maxBytes, createStore: () => new DiskStore(dir) };
  }
  const s3 = config as unknown as S3Config;
  const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = s3;
  if (!bucket || !accessKeyId || !secretAccessKey) {
    const missing = Object.entries({ S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey })
      .filter(([, value]) => !value)
      .map(([name]) => `${name} is required when ${prefix}_STORE=s3`);
    throw new ConfigError(missing);
  }
  const options = {
    endpoint: s3.S3_ENDPOINT,
    bucket,
    region: s3.S3_REGION,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: s3.S3_FORCE_PATH_STYLE === 'true',
  };
  return { maxBytes, createStore: () => new S3Store(options) };
}
