import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http, { IncomingMessage } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkStorageKey, EvidenceStore, StoredFile, StoredFileMissingError } from './evidence-store';
import { EMPTY_PAYLOAD_HASH, encodeS3Segment, S3Credentials, signS3Request } from './s3-signature';

export interface S3StoreOptions extends S3Credentials {
  /** e.g. https://s3.cn-north-1.amazonaws.com.cn or http://minio.internal:9000 */
  endpoint: string;
  bucket: string;
  /** Bucket in the path (most S3-compatible servers) rather than in the host name. */
  forcePathStyle: boolean;
}

interface Body {
  file: string;
  size: number;
  sha256: string;
}

/**
 * Evidence files in an S3-compatible bucket, signed with Signature Version 4. An upload is spooled to a
 * temporary file first: S3 needs its length and (so the server checks it arrived intact) its SHA-256
 * before the first byte, and a refused upload then never reaches the bucket.
 */
export class S3Store implements EvidenceStore {
  private readonly endpoint: URL;

  constructor(private readonly options: S3StoreOptions) {
    this.endpoint = new URL(options.endpoint);
  }

  async put(key: string, content: Readable): Promise<void> {
    const spoolDir = await mkdtemp(path.join(os.tmpdir(), 'campus-evidence-'));
    try {
      const body = await spool(content, path.join(spoolDir, randomUUID()));
      const response = await this.send('PUT', key, body);
      await expectStatus(response, [200], 'PUT', key);
      response.resume();
    } finally {
      await rm(spoolDir, { recursive: true, force: true });
    }
  }

  async get(key: string): Promise<StoredFile> {
    const response = await this.send('GET', key);
    if (response.statusCode === 404) {
      response.resume();
      throw new StoredFileMissingError(key);
    }
    await expectStatus(response, [200], 'GET', key);
    return { stream: response, size: Number(response.headers['content-length']) };
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    await expectStatus(response, [200, 204, 404], 'DELETE', key);
    response.resume();
  }

  private send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Body): Promise<IncomingMessage> {
    const { bucket, forcePathStyle } = this.options;
    const encodedKey = checkStorageKey(key).split('/').map(encodeS3Segment).join('/');
    const basePath = this.endpoint.pathname.replace(/\/$/, '');
    const host = forcePathStyle ? this.endpoint.host : `${bucket}.${this.endpoint.host}`;
    const requestPath = forcePathStyle ? `${basePath}/${encodeS3Segment(bucket)}/${encodedKey}` : `${basePath}/${encodedKey}`;
    const extra: Record<string, string> = body ? { 'content-type': 'application/octet-stream' } : {};
    const headers = signS3Request(
      { method, host, path: requestPath, headers: extra, payloadHash: body?.sha256 ?? EMPTY_PAYLOAD_HASH },
      this.options,
      new Date(),
    );
    const transport = this.endpoint.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(
        {
          protocol: this.endpoint.protocol,
          hostname: forcePathStyle ? this.endpoint.hostname : `${bucket}.${this.endpoint.hostname}`,
          port: this.endpoint.port || undefined,
          method,
          path: requestPath,
          headers: { ...headers, 'content-length': String(body?.size ?? 0) },
        },
        resolve,
      );
      request.on('error', reject);
      if (body) {
        pipeline(createReadStream(body.file), request).catch(reject);
      } else {
        request.end();
      }
    });
  }
}

async function spool(content: Readable, file: string): Promise<Body> {
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

async function expectStatus(response: IncomingMessage, expected: number[], method: string, key: string): Promise<void> {
  if (expected.includes(response.statusCode ?? 0)) return;
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const code = /<Code>([^<]+)<\/Code>/.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? 'unknown';
  throw new Error(`S3 ${method} ${key} failed: HTTP ${response.statusCode} ${code}`);
}
