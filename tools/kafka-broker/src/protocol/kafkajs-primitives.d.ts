/**
 * Types for the few kafkajs 2.2.4 internals the broker reuses at runtime: the protocol Encoder and
 * Decoder (big-endian ints, strings, bytes, arrays, zigzag varints) and CRC-32C. kafkajs ships no
 * types for these files; the declarations cover only what `primitives.ts` uses.
 */
declare module 'kafkajs/src/protocol/encoder' {
  /** A 64-bit value: kafkajs accepts bigint, number or a decimal string. */
  type Int64Input = bigint | number | string;

  class Encoder {
    constructor(initialSize?: number);
    readonly buffer: Buffer;
    size(): number;
    writeInt8(value: number): this;
    writeInt16(value: number): this;
    writeInt32(value: number): this;
    writeUInt32(value: number): this;
    writeInt64(value: Int64Input): this;
    writeBoolean(value: boolean): this;
    writeString(value: string | null): this;
    writeBytes(value: Buffer | null): this;
    writeBuffer(value: Buffer): this;
    writeVarInt(value: number): this;
    writeVarLong(value: Int64Input): this;
    writeVarIntString(value: string | null): this;
    writeVarIntBytes(value: Buffer | null): this;
    writeEncoder(value: Encoder): this;
    writeArray(array: Encoder[] | number[] | string[], type?: 'int32' | 'string' | 'object', length?: number): this;
  }
  export = Encoder;
}

declare module 'kafkajs/src/protocol/decoder' {
  /** kafkajs's internal Long wrapper (returned by readVarLong). */
  interface KafkaLong {
    value: bigint;
    toString(): string;
  }

  class Decoder {
    constructor(buffer: Buffer);
    buffer: Buffer;
    offset: number;
    canReadBytes(length: number): boolean;
    canReadInt32(): boolean;
    readInt8(): number;
    readInt16(): number;
    readInt32(): number;
    readInt64(): bigint;
    readBoolean(): boolean;
    readString(): string | null;
    readBytes(byteLength?: number): Buffer | null;
    readVarInt(): number;
    readVarLong(): KafkaLong;
    readVarIntString(): string | null;
    readVarIntBytes(): Buffer | null;
    /** A length of -1 (null array) reads as []. */
    readArray<T>(reader: (decoder: Decoder) => T): T[];
    readAll(): Buffer;
    slice(size: number): Decoder;
    forward(size: number): void;
  }
  export = Decoder;
}

declare module 'kafkajs/src/protocol/recordBatch/crc32C' {
  /** Unsigned CRC-32C (Castagnoli) of the buffer. */
  function crc32C(buffer: Buffer): number;
  export = crc32C;
}
