import { createDecoder, createEncoder, readNullableArray, readString, writeArrayOf, writeInt32Array } from './primitives';

/** Metadata v6 request. A null topic list means every topic. */
export interface MetadataRequest {
  topics: string[] | null;
  allowAutoTopicCreation: boolean;
}

export interface MetadataBroker {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface MetadataPartition {
  errorCode: number;
  partitionIndex: number;
  leaderId: number;
  replicaNodes: number[];
  isrNodes: number[];
  offlineReplicas: number[];
}

export interface MetadataTopic {
  errorCode: number;
  name: string;
  isInternal: boolean;
  partitions: MetadataPartition[];
}

export interface MetadataResponse {
  throttleTimeMs: number;
  brokers: MetadataBroker[];
  clusterId: string | null;
  controllerId: number;
  topics: MetadataTopic[];
}

export function decodeMetadataRequest(body: Buffer): MetadataRequest {
  const decoder = createDecoder(body);
  return {
    topics: readNullableArray(decoder, readString),
    allowAutoTopicCreation: decoder.readBoolean(),
  };
}

/** Metadata v6 response: throttle, brokers, cluster id, controller id, topics. */
export function encodeMetadataResponse(response: MetadataResponse): Buffer {
  const encoder = createEncoder().writeInt32(response.throttleTimeMs);
  writeArrayOf(encoder, response.brokers, (e, broker) => {
    e.writeInt32(broker.nodeId).writeString(broker.host).writeInt32(broker.port).writeString(broker.rack);
  });
  encoder.writeString(response.clusterId).writeInt32(response.controllerId);
  writeArrayOf(encoder, response.topics, (e, topic) => {
    e.writeInt16(topic.errorCode).writeString(topic.name).writeBoolean(topic.isInternal);
    writeArrayOf(e, topic.partitions, (pe, p) => {
      pe.writeInt16(p.errorCode).writeInt32(p.partitionIndex).writeInt32(p.leaderId);
      writeInt32Array(pe, p.replicaNodes);
      writeInt32Array(pe, p.isrNodes);
      writeInt32Array(pe, p.offlineReplicas);
    });
  });
  return encoder.buffer;
}
