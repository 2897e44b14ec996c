import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { DiskStore, FileStore, S3Store, sampleJpeg, StoredFileMissingError } from '@campus/files';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A stream that yields some bytes, then fails, as a refused or aborted upload does. */
function failingStream(): Readable {
  return Readable.from(
    (async function* () {
      yield sampleJpeg(4096);
      throw new Error('client went away');
    })(),
  );
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** What every store must do, whatever is behind it. */
function behavesAsAnEvidenceStore(store: () => FileStore) {
  it('stores a file whole and reads it back, byte for byte', async () => {
    const content = sampleJpeg(300_000);
    await store().put('hazards/h1/e1', Readable.from([content.subarray(0, 1000), content.subarray(1000)]));
    const file = await store().get('hazards/h1/e1');
    expect(file.size).toBe(content.length);
    expect(sha256(await readAll(file.stream))).toBe(sha256(content));
  });

  it('keeps nothing of a stream that fails, and says so when asked for it', async () => {
    await expect(store().put('hazards/h1/broken', failingStream())).rejects.toThrow('client went away');
    await expect(store().get('hazards/h1/broken')).rejects.toBeInstanceOf(StoredFileMissingError);
  });

  it('deletes a file, and deleting a missing one is no error', async () => {
    await store().put('hazards/h2/e2', Readable.from([Buffer.from('%PDF-1.4 x')]));
    await store().delete('hazards/h2/e2');
    await expect(store().get('hazards/h2/e2')).rejects.toBeInstanceOf(StoredFileMissingError);
    await expect(store().delete('hazards/h2/e2')).resolves.toBeUndefined();
  });

  it('refuses keys it did not make', async () => {
    await expect(store().put('../outside', Readable.from([Buffer.from('x')]))).rejects.toThrow('invalid storage key');
    await expect(store().get('hazards/../../etc/passwd')).rejects.toThrow('invalid storage key');
  });
}

describe('evidence stores (integration)', () => {
  describe('DiskStore', () => {
    let root: string;
    beforeAll(async () => {
      root = await mkdtemp(path.join(os.tmpdir(), 'evidence-disk-'));
    });
    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    behavesAsAnEvidenceStore(() => new DiskStore(root));

    it('leaves no partial file behind a failed write', async () => {
      await expect(new DiskStore(root).put('hazards/h3/e3', failingStream())).rejects.toThrow();
      expect(await readdir(path.join(root, '.partial'))).toEqual([]);
    });
  });

  describe('S3Store against an S3-compatible server (s3rver)', () => {
    let server: S3rver;
    let directory: string;
    let endpoint: string;
    const options = () => ({ endpoint, bucket: 'evidence', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });

    beforeAll(async () => {
      directory = await mkdtemp(path.join(os.tmpdir(), 'evidence-s3-'));
      server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'evidence', configs: [] }] });
      const { port } = await server.run();
      endpoint = `http://127.0.0.1:${port}`;
    });
    afterAll(async () => {
      await server?.close();
      await rm(directory, { recursive: true, force: true });
    });

    behavesAsAnEvidenceStore(() => new S3Store(options()));

    it('is refused by the server with unknown credentials, and says why', async () => {
      const stranger = new S3Store({ ...options(), accessKeyId: 'NOBODY' });
      await expect(stranger.put('hazards/h4/e4', Readable.from([sampleJpeg()]))).rejects.toThrow('HTTP 403 InvalidAccessKeyId');
    });

    it('fails clearly when the bucket does not exist', async () => {
      const lost = new S3Store({ ...options(), bucket: 'no-such-bucket' });
      await expect(lost.put('hazards/h5/e5', Readable.from([sampleJpeg()]))).rejects.toThrow('HTTP 404 NoSuchBucket');
    });
  });
});
