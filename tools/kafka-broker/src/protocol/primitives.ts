/**
 * Typed facade over kafkajs's own wire primitives, so the broker writes exactly the bytes kafkajs reads.
 * Everything else in the broker imports from here, never from kafkajs/src directly.
 */
import KafkaDecoder from 'kafkajs/src/protocol/decoder';
import KafkaEncoder from 'kafkajs/src/protocol/encoder';
import kafkaCrc32c from 'kafkajs/src/protocol/recordBatch/crc32C';

export type Encoder = KafkaEncoder;
export type Decoder = KafkaDecoder;

export function createEncoder(): Encoder {
  return new KafkaEncoder();
}

export function createDecoder(buffer: Buffer): Decoder {
  return new KafkaDecoder(buffer);
}

/** CRC-32C (Castagnoli) as an unsigned 32-bit number. */
export function crc32c(buffer: Buffer): number {
  return kafkaCrc32c(buffer);
}

/** A STRING field: the protocol forbids null here, so a null reads as ''. */
export function readString(decoder: Decoder): string {
  return decoder.readString() ?? '';
}

/** An ARRAY that may be null (length -1): kafkajs's readArray would turn null into []. */
export function readNullableArray<T>(decoder: Decoder, reader: (decoder: Decoder) => T): T[] | null {
  if (decoder.buffer.readInt32BE(decoder.offset) === -1) {
    decoder.forward(4);
    return null;
  }
  return decoder.readArray(reader);
}

/** An ARRAY of INT32. */
export function readInt32Array(decoder: Decoder): number[] {
  return decoder.readArray((d) => d.readInt32());
}

/** An ARRAY of STRING. */
export function readStringArray(decoder: Decoder): string[] {
  return decoder.readArray(readString);
}

/** Writes an ARRAY: its length, then each item through `writeItem`. */
export function writeArrayOf<T>(encoder: Encoder, items: readonly T[], writeItem: (encoder: Encoder, item: T) => void): Encoder {
  encoder.writeInt32(items.length);
  for (const item of items) writeItem(encoder, item);
  return encoder;
}

/** Writes an ARRAY of INT32. */
export function writeInt32Array(encoder: Encoder, values: readonly number[]): Encoder {
  return encoder.writeArray([...values], 'int32');
}
