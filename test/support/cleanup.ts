import { rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { NodeClient, RawSocket, TestServer } from './server.ts';

/** What an integration test started and must stop again. */
export type TestResources = { clients: NodeClient[]; sockets: RawSocket[]; servers: TestServer[]; dirs: string[] };

/**
 * Lists for the clients, raw sockets, servers and temporary data directories a test makes (push
 * each one), stopped and removed after each test in that order — clients before their server,
 * the data directory once its server is closed. Call inside `describe`.
 */
export function cleanupAfterEach(): TestResources {
  const resources: TestResources = { clients: [], sockets: [], servers: [], dirs: [] };
  afterEach(async () => {
    for (const raw of resources.sockets.splice(0)) raw.socket.close();
    for (const client of resources.clients.splice(0)) client.destroy();
    for (const server of resources.servers.splice(0)) await server.close();
    for (const dir of resources.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return resources;
}
