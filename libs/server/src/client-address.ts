import type { Request } from 'express';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The address of the person behind a subgraph request, for login throttling. The gateway sets
 * `x-forwarded-for` to its caller's address; a subgraph believes it only from the gateway: when a gateway
 * secret is configured every request has already proven it (requireGatewayProof), otherwise (development,
 * subgraphs on the loopback address) only from a loopback peer. Anyone else is taken at their socket address.
 */
export function clientAddressOf(req: Request, gatewaySecret: string | undefined): string | null {
  const peer = req.socket.remoteAddress ?? null;
  const forwarded = req.header('x-forwarded-for')?.split(',')[0]?.trim();
  const fromGateway = Boolean(gatewaySecret) || (peer !== null && LOOPBACK.has(peer));
  return forwarded && fromGateway ? forwarded.slice(0, 64) : peer;
}
