import { createServer, connect, type Socket } from 'node:net';

export interface TcpGate {
  port: number;
  /** From now on, forward connections to the target. */
  open(): void;
  close(): Promise<void>;
}

/**
 * A TCP forwarder on 127.0.0.1 that starts shut: connections are accepted
 * and dropped at once (a collector that cannot be reached) until open(),
 * after which they are piped to 127.0.0.1:targetPort. Lets a test keep a
 * real agent offline, then let it drain its spool.
 */
export async function startTcpGate(targetPort: number): Promise<TcpGate> {
  let isOpen = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (!isOpen) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('tcp gate has no port');
  return {
    port: address.port,
    open() {
      isOpen = true;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
