import type { Request } from 'express';
import { clientAddressOf } from './client-address';

function request(peer: string, forwardedFor?: string): Request {
  return { socket: { remoteAddress: peer }, header: (name: string) => (name === 'x-forwarded-for' ? forwardedFor : undefined) } as unknown as Request;
}

describe('clientAddressOf', () => {
  it('takes the first forwarded address from the gateway: with a gateway secret, or from the loopback address', () => {
    expect(clientAddressOf(request('10.0.0.5', '203.0.113.9, 10.0.0.1'), 'a-gateway-secret')).toBe('203.0.113.9');
    expect(clientAddressOf(request('127.0.0.1', '203.0.113.9'), undefined)).toBe('203.0.113.9');
    expect(clientAddressOf(request('::1', '198.51.100.7'), undefined)).toBe('198.51.100.7');
  });

  it('ignores x-forwarded-for from anyone else, and uses the socket address without it', () => {
    expect(clientAddressOf(request('10.0.0.5', '203.0.113.9'), undefined)).toBe('10.0.0.5');
    expect(clientAddressOf(request('127.0.0.1'), undefined)).toBe('127.0.0.1');
  });
});
