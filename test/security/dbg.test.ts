import { it } from 'vitest';
import { pause } from '../integration/accessFixtures.ts';
import { recordRefusals } from '../integration/workshopFixtures.ts';
import { connectSynced, createCase, startTestServer } from '../support/server.ts';

it('dbg', async () => {
  const server = await startTestServer();
  const { id, token } = await createCase(server.url);
  const clients = await Promise.all([0, 1, 2, 3, 4].map(() => connectSynced(server.wsUrl, id, { token })));
  const refusals = clients.map((c) => recordRefusals(c));
  for (let r = 0; r < 20; r++) {
    clients.forEach((c, i) => c.doc.getMap('targetGroup').set(`bench-client-${i}`, { t: performance.now(), seq: r }));
    await pause(50);
  }
  await pause(300);
  console.log(
    'refusals',
    JSON.stringify(refusals.flat().slice(0, 3)),
    refusals.flat().length,
    JSON.stringify(server.logs.filter((l) => l.message.includes('refused')).slice(0, 2)),
  );
  for (const c of clients) c.destroy();
  await server.close();
});
