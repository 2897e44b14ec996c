/**
 * Types for kafkajs 2.2.4's own request encoders and response decoders
 * (`kafkajs/src/protocol/requests/<api>/vN/{request,response}`). The codec tests use them as an
 * independent reference: kafkajs encodes requests our decoders must read, and decodes golden
 * responses whose values our encoders must turn back into the same bytes.
 */
declare module 'kafkajs/src/protocol/requests/*/request' {
  function buildRequest(args?: unknown): { apiKey: number; apiVersion: number; encode(): Promise<{ buffer: Buffer }> };
  export = buildRequest;
}

declare module 'kafkajs/src/protocol/requests/*/response' {
  const response: { decode(rawData: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  export = response;
}
