import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DiskStore } from './disk-store';

describe('DiskStore', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'disk-store-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const filesUnder = async () => (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());

  it('keeps nothing of content refused before its file was even open (no empty partial file left behind)', async () => {
    const store = new DiskStore(root);
    for (let i = 0; i < 50; i++) {
      const refused = new Readable({
        read() {
          this.destroy(new Error('refused by its first bytes'));
        },
      });
      await expect(store.put(`hazards/h/${i}`, refused)).rejects.toThrow('refused by its first bytes');
    }
    expect(await filesUnder()).toEqual([]);
  });

  it('stores complete content under its key, and nothing under .partial', async () => {
    const store = new DiskStore(root);
    await store.put('hazards/h/1', Readable.from([Buffer.from('第一段'), Buffer.from('第二段')]));
    expect((await filesUnder()).map((entry) => entry.name)).toEqual(['1']);
    const { stream, size } = await store.get('hazards/h/1');
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('第一段第二段');
    expect(size).toBe(Buffer.byteLength('第一段第二段'));
  });
});
