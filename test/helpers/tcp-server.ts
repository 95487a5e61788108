import { createServer, type Server, type Socket } from 'node:net';

export interface LocalTcpServer {
  port: number;
  /** Sessions accepted so far, with the client's port and when. */
  sessions: Array<{ remotePort: number; at: number }>;
  /** Closes every open session (as a flaky network would) but keeps listening. */
  dropAll(): void;
  close(): Promise<void>;
}

/** A TCP server on 127.0.0.1 that accepts sessions and holds them open. */
export async function startTcpServer(): Promise<LocalTcpServer> {
  const open = new Set<Socket>();
  const sessions: LocalTcpServer['sessions'] = [];
  const server: Server = createServer((socket) => {
    open.add(socket);
    sessions.push({ remotePort: socket.remotePort ?? 0, at: Date.now() });
    socket.on('error', () => {});
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('tcp server has no port');
  return {
    port: address.port,
    sessions,
    dropAll() {
      for (const socket of open) socket.destroy();
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
