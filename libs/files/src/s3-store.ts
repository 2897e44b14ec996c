import type * as S3Sdk from '@aws-sdk/client-s3';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkStorageKey, FileStore, StoredFile, StoredFileMissingError } from './file-store';

let sdk: typeof S3Sdk | undefined;

/** The AWS SDK, loaded when a store is made: most deployments keep files on disk, and requiring it costs every start. */
function s3Sdk(): typeof S3Sdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (sdk ??= require('@aws-sdk/client-s3') as typeof S3Sdk);
}

export interface S3StoreOptions {
  /** e.g. http://minio.internal:9000 or https://oss-cn-hangzhou.aliyuncs.com; absent: AWS S3 in the region. */
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path (most S3-compatible servers) rather than in the host name. */
  forcePathStyle: boolean;
}

interface Spooled {
  file: string;
  size: number;
  sha256: string;
}

/**
 * Files in an S3-compatible bucket, through the AWS SDK. An upload is spooled to a temporary
 * file first: S3 needs its length and (so the server checks it arrived intact) its SHA-256 before the
 * first byte, and a refused upload then never reaches the bucket.
 */
export class S3Store implements FileStore {
  private readonly client: S3Sdk.S3Client;
  private readonly bucket: string;

  constructor(options: S3StoreOptions) {
    this.bucket = options.bucket;
    this.client = new (s3Sdk().S3Client)({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // By default the SDK adds CRC checksums (in aws-chunked trailers) to uploads and asks for them on
      // downloads; Aliyun OSS, Tencent COS, older MinIO and s3rver do not all understand them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, content: Readable): Promise<void> {
    checkStorageKey(key);
    const spoolDir = await mkdtemp(path.join(os.tmpdir(), 'campus-upload-'));
    let body: Readable | undefined;
    try {
      const spooled = await spool(content, path.join(spoolDir, randomUUID()));
      body = createReadStream(spooled.file);
      const command = new (s3Sdk().PutObjectCommand)({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentLength: spooled.size,
        ContentType: 'application/octet-stream',
      });
      // The SDK sends a stream body as UNSIGNED-PAYLOAD; with its SHA-256 signed instead, the server
      // refuses bytes that do not match.
      command.middlewareStack.add(
        (next) => (args) => {
          (args.request as { headers: Record<string, string> }).headers['x-amz-content-sha256'] = spooled.sha256;
          return next(args);
        },
        { step: 'build', name: 'signedPayloadSha256' },
      );
      await this.client.send(command);
    } catch (error) {
      throw s3Failure('PUT', key, error);
    } finally {
      body?.destroy();
      await rm(spoolDir, { recursive: true, force: true });
    }
  }

  async get(key: string): Promise<StoredFile> {
    try {
      const object = await this.client.send(new (s3Sdk().GetObjectCommand)({ Bucket: this.bucket, Key: checkStorageKey(key) }));
      if (!(object.Body instanceof Readable)) throw new Error(`S3 GET ${key}: the response has no body stream`);
      return { stream: object.Body, size: Number(object.ContentLength) };
    } catch (error) {
      if (statusOf(error) === 404) throw new StoredFileMissingError(key);
      throw s3Failure('GET', key, error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new (s3Sdk().DeleteObjectCommand)({ Bucket: this.bucket, Key: checkStorageKey(key) }));
    } catch (error) {
      if (statusOf(error) !== 404) throw s3Failure('DELETE', key, error);
    }
  }
}

async function spool(content: Readable, file: string): Promise<Spooled> {
  const hash = createHash('sha256');
  let size = 0;
  const counter = new PassThrough();
  counter.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  await pipeline(content, counter, createWriteStream(file, { flags: 'wx' }));
  return { file, size, sha256: hash.digest('hex') };
}

function statusOf(error: unknown): number | undefined {
  return error instanceof s3Sdk().S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

/** A refusal by the server, named by HTTP status and S3 error code; any other error as it is. */
function s3Failure(method: string, key: string, error: unknown): unknown {
  if (!(error instanceof s3Sdk().S3ServiceException)) return error;
  return new Error(`S3 ${method} ${key} failed: HTTP ${error.$metadata.httpStatusCode} ${error.name}`, { cause: error });
}
