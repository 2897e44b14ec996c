import type { Socket } from 'node:net';
import { ApiKey, apiName, isSupportedApiVersion } from '../protocol/api-keys';
import { DecodedRequest, decodeRequestHeader } from '../protocol/request-header';
import { frameResponse } from '../protocol/response-frame';
import type { RequestHandler } from './broker-services';
import { FrameReader } from './frame-reader';
import { BrokerLogger, errorFields } from './logger';

/**
 * One client socket: size-prefixed frames in, responses out strictly in request order. Requests are
 * served one after another through a promise queue, so a parked Fetch or JoinGroup holds the
 * answers to later requests on this socket (as in Kafka).
 */
export class BrokerConnection {
  private readonly frames = new FrameReader();
  private queue: Promise<void> = Promise.resolve();
  private readonly clientHost: string;

  constructor(
    private readonly socket: Socket,
    private readonly router: ReadonlyMap<ApiKey, RequestHandler>,
    private readonly logger: BrokerLogger,
  ) {
    this.clientHost = `/${socket.remoteAddress ?? 'unknown'}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.logger.debug({ client: this.clientHost, ...errorFields(error) }, 'socket error'));
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.frames.push(chunk);
    } catch (error) {
      this.closeAfter('unreadable frame', { ...errorFields(error) });
      return;
    }
    for (const frame of frames) {
      if (this.socket.destroyed) return;
      this.accept(frame);
    }
  }

  private accept(frame: Buffer): void {
    let request: DecodedRequest;
    try {
      request = decodeRequestHeader(frame);
    } catch (error) {
      this.closeAfter('unreadable request header', { ...errorFields(error) });
      return;
    }
    const { apiKey, apiVersion, clientId } = request.header;
    const handler = this.router.get(apiKey);
    // ApiVersions answers any version (error 35 for unknown ones); anything else unknown closes the socket, like Kafka.
    if (!handler || (apiKey !== ApiKey.ApiVersions && !isSupportedApiVersion(apiKey, apiVersion))) {
      this.closeAfter('unsupported api or version', { api: apiName(apiKey), apiKey, version: apiVersion, clientId });
      return;
    }
    this.queue = this.queue.then(() => this.serve(request, handler));
  }

  private async serve({ header, body }: DecodedRequest, handler: RequestHandler): Promise<void> {
    if (this.socket.destroyed) return;
    const started = Date.now();
    const fields = { api: apiName(header.apiKey), version: header.apiVersion, clientId: header.clientId, correlationId: header.correlationId };
    try {
      const result = await handler(body, { header, clientHost: this.clientHost });
      this.logger.debug({ ...fields, ...result.detail, ms: Date.now() - started }, 'served');
      if (result.body && !this.socket.destroyed) this.socket.write(frameResponse(header.correlationId, result.body));
    } catch (error) {
      this.closeAfter('request failed', { ...fields, ...errorFields(error) });
    }
  }

  private closeAfter(reason: string, fields: Record<string, unknown>): void {
    this.logger.warn({ client: this.clientHost, ...fields }, `closing connection: ${reason}`);
    this.socket.destroy();
  }
}
