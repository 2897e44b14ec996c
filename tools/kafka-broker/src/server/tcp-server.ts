import net from 'node:net';

export interface ListeningServer {
  port: number;
  /** Stops accepting, destroys every open socket and waits for the server to close. */
  close(): Promise<void>;
}

function listenOn(server: net.Server, options: net.ListenOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options);
  });
}

/** Errors that mean "this host has no IPv6", after which the server falls back to 127.0.0.1. */
const NO_IPV6 = new Set(['EAFNOSUPPORT', 'EADDRNOTAVAIL', 'EINVAL']);

/**
 * Listens on `host`, or (by default) dual-stack on `::` so both 127.0.0.1 and ::1 reach it
 * (Node resolves `localhost` to either), falling back to 127.0.0.1 on hosts without IPv6.
 */
export async function listenTcp(port: number, host: string | undefined, onSocket: (socket: net.Socket) => void): Promise<ListeningServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  if (host !== undefined) {
    await listenOn(server, { port, host });
  } else {
    try {
      await listenOn(server, { port, host: '::', ipv6Only: false });
    } catch (error) {
      if (!NO_IPV6.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      await listenOn(server, { port, host: '127.0.0.1' });
    }
  }
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
