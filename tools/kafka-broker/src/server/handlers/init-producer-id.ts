import { ErrorCode } from '../../protocol/error-codes';
import { decodeInitProducerIdRequest, encodeInitProducerIdResponse } from '../../protocol/init-producer-id';
import type { BrokerServices, RequestHandler } from '../broker-services';

/** InitProducerId v1: a fresh producer id (persisted counter), epoch 0. Transactions are not supported. */
export function handleInitProducerId(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeInitProducerIdRequest(body);
    const producerId = await services.logs.allocateProducerId();
    const response = encodeInitProducerIdResponse({ throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId, producerEpoch: 0 });
    return { body: response, detail: { producerId: producerId.toString(), transactionalId: request.transactionalId } };
  };
}
