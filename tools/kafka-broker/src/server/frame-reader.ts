/** Largest request frame accepted (Kafka's socket.request.max.bytes default is 100 MiB). */
export const MAX_FRAME_BYTES = 100 * 1024 * 1024;
const SIZE_PREFIX_BYTES = 4;

/** Splits a TCP byte stream into size-prefixed frames (INT32 size, then that many bytes). */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes needed before the next frame (or its size prefix) is complete: chunks are joined only then. */
  private needed = SIZE_PREFIX_BYTES;

  /** Adds received bytes; returns the frames (without size prefix) now complete. Throws on an impossible size. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.needed) return [];
    const pending = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    const frames: Buffer[] = [];
    let position = 0;
    this.needed = SIZE_PREFIX_BYTES;
    while (pending.length - position >= SIZE_PREFIX_BYTES) {
      const size = pending.readInt32BE(position);
      if (size < 0 || size > MAX_FRAME_BYTES) throw new Error(`invalid frame size ${size}`);
      if (pending.length - position - SIZE_PREFIX_BYTES < size) {
        this.needed = SIZE_PREFIX_BYTES + size;
        break;
      }
      frames.push(pending.subarray(position + SIZE_PREFIX_BYTES, position + SIZE_PREFIX_BYTES + size));
      position += SIZE_PREFIX_BYTES + size;
    }
    const rest = pending.subarray(position);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return frames;
  }
}
