// Run as a child process by the contract suite: opens the store at argv[2] (migrating it) at the
// same moment as its siblings, records that it did, and exits 0.
import { openStore } from '../../db/open-store.ts';

const [url, name] = process.argv.slice(2) as [string, string];
const store = await openStore(url);
await store.setMeta(`opened-by-${name}`, 'yes');
await store.insertChecks([
  { monitorId: 'shared-monitor', location: `loc-${name}`, timeMs: 1_000, status: 'up', latencyMs: 1 },
]);
await store.close();
