import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { DOCX, JPEG, PDF, sampleDocx, sampleJpeg, samplePdf, storedZip, UploadInspector, UploadRefusedError } from '@campus/files';
import { EvidenceKind, typesAllowedFor } from './evidence-enums';

/** Streams the chunks through an inspector; the bytes that came out and the result or refusal. */
async function inspect(chunks: Buffer[], kind: EvidenceKind, maxBytes = 1024 * 1024) {
  const inspector = new UploadInspector(typesAllowedFor(kind), maxBytes);
  const passed: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      passed.push(chunk);
      callback();
    },
  });
  try {
    await pipeline(Readable.from(chunks), inspector, sink);
    return { passed: Buffer.concat(passed), result: inspector.result, refusal: null };
  } catch (error) {
    return { passed: Buffer.concat(passed), result: null, refusal: error as UploadRefusedError };
  }
}

function inPieces(content: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < content.length; offset += size) pieces.push(content.subarray(offset, offset + size));
  return pieces;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('UploadInspector', () => {
  it('passes an allowed file through unchanged, with its type, size and SHA-256, even in tiny chunks', async () => {
    const photo = sampleJpeg(5000);
    const { passed, result } = await inspect(inPieces(photo, 5), EvidenceKind.BEFORE_PHOTO);
    expect(passed.equals(photo)).toBe(true);
    expect(result).toEqual({ type: JPEG, size: 5000, sha256: sha256(photo) });
  });

  it('accepts PDF and Word documents as documents, and refuses them as photos', async () => {
    expect((await inspect([samplePdf()], EvidenceKind.DOCUMENT)).result?.type).toBe(PDF);
    expect((await inspect(inPieces(sampleDocx(), 7), EvidenceKind.DOCUMENT)).result?.type).toBe(DOCX);
    const refused = await inspect([samplePdf()], EvidenceKind.AFTER_PHOTO);
    expect(refused.refusal).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(refused.refusal?.message).toContain('JPEG、PNG、WebP');
  });

  it('refuses content that is no allowed type as soon as its head is seen', async () => {
    const executable = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00', 'latin1'), Buffer.alloc(100_000)]);
    const { passed, refusal } = await inspect(inPieces(executable, 1000), EvidenceKind.BEFORE_PHOTO);
    expect(refusal).toBeInstanceOf(UploadRefusedError);
    expect(refusal).toMatchObject({ status: 415 });
    expect(passed.length).toBe(0);
    expect((await inspect([Buffer.from('只是文字')], EvidenceKind.DOCUMENT)).refusal).toMatchObject({ status: 415 });
  });

  it('refuses a zip that is not an Office document once its end is seen', async () => {
    const zip = storedZip({ 'setup.exe': Buffer.alloc(3000, 1) });
    expect((await inspect(inPieces(zip, 512), EvidenceKind.DOCUMENT)).refusal).toMatchObject({ status: 415 });
  });

  it('refuses a file over the limit the moment it is exceeded, and an empty one', async () => {
    const big = sampleJpeg(10_000);
    const { passed, refusal } = await inspect(inPieces(big, 1000), EvidenceKind.BEFORE_PHOTO, 4096);
    expect(refusal).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('4 KiB') });
    expect(passed.length).toBeLessThanOrEqual(4096);
    expect((await inspect([sampleJpeg(4096)], EvidenceKind.BEFORE_PHOTO, 4096)).result?.size).toBe(4096);
    expect((await inspect([], EvidenceKind.DOCUMENT)).refusal).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', message: expect.stringContaining('文件为空') });
  });
});
