import { createDecoder, createEncoder, readInt32Array, readString, writeArrayOf } from './primitives';

/** CreateTopics v3 request. num_partitions -1 means the broker default. */
export interface CreateTopicsRequest {
  topics: {
    name: string;
    numPartitions: number;
    replicationFactor: number;
    assignments: { partitionIndex: number; brokerIds: number[] }[];
    configs: { name: string; value: string | null }[];
  }[];
  timeoutMs: number;
  validateOnly: boolean;
}

export interface TopicResult {
  name: string;
  errorCode: number;
  errorMessage: string | null;
}

export function decodeCreateTopicsRequest(body: Buffer): CreateTopicsRequest {
  const decoder = createDecoder(body);
  return {
    topics: decoder.readArray((d) => ({
      name: readString(d),
      numPartitions: d.readInt32(),
      replicationFactor: d.readInt16(),
      assignments: d.readArray((a) => ({ partitionIndex: a.readInt32(), brokerIds: readInt32Array(a) })),
      configs: d.readArray((c) => ({ name: readString(c), value: c.readString() })),
    })),
    timeoutMs: decoder.readInt32(),
    validateOnly: decoder.readBoolean(),
  };
}

/** CreateTopics v3 response: throttle, [name error message]. */
export function encodeCreateTopicsResponse(topics: readonly TopicResult[], throttleTimeMs = 0): Buffer {
  const encoder = createEncoder().writeInt32(throttleTimeMs);
  writeArrayOf(encoder, topics, (e, topic) => e.writeString(topic.name).writeInt16(topic.errorCode).writeString(topic.errorMessage));
  return encoder.buffer;
}
