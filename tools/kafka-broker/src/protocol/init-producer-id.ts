import { createDecoder, createEncoder } from './primitives';

/** InitProducerId v1 request. */
export interface InitProducerIdRequest {
  transactionalId: string | null;
  transactionTimeoutMs: number;
}

export interface InitProducerIdResponse {
  throttleTimeMs: number;
  errorCode: number;
  producerId: bigint;
  producerEpoch: number;
}

export function decodeInitProducerIdRequest(body: Buffer): InitProducerIdRequest {
  const decoder = createDecoder(body);
  return { transactionalId: decoder.readString(), transactionTimeoutMs: decoder.readInt32() };
}

/** InitProducerId v1 response: throttle, error, producer id, epoch. */
export function encodeInitProducerIdResponse(response: InitProducerIdResponse): Buffer {
  return createEncoder()
    .writeInt32(response.throttleTimeMs)
    .writeInt16(response.errorCode)
    .writeInt64(response.producerId)
    .writeInt16(response.producerEpoch).buffer;
}
