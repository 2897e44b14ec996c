import { FrameReader, MAX_FRAME_BYTES } from './frame-reader';

function frame(payload: string): Buffer {
  const body = Buffer.from(payload);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

describe('FrameReader', () => {
  it('returns whole frames however the stream is cut', () => {
    const stream = Buffer.concat([frame('first'), frame(''), frame('x'.repeat(1000)), frame('last')]);
    for (const step of [1, 3, 7, 100, stream.length]) {
      const reader = new FrameReader();
      const frames: string[] = [];
      for (let at = 0; at < stream.length; at += step) frames.push(...reader.push(stream.subarray(at, at + step)).map(String));
      expect(frames).toEqual(['first', '', 'x'.repeat(1000), 'last']);
    }
  });

  it('rejects negative and oversized frame sizes', () => {
    const negative = Buffer.alloc(4);
    negative.writeInt32BE(-5);
    expect(() => new FrameReader().push(negative)).toThrow('invalid frame size');
    const huge = Buffer.alloc(4);
    huge.writeInt32BE(MAX_FRAME_BYTES + 1);
    expect(() => new FrameReader().push(huge)).toThrow('invalid frame size');
  });
});
