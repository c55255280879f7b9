/**
 * npm run audit:verify: walks every subgraph's audit chain (CJIS AU-9) and says whether it holds. Connects with
 * DATABASE_URL (an administrator's connection), else to the embedded database `npm start` runs. Exits 1 if any
 * chain is broken, naming the subgraph and the first record that does not follow.
 */
import pg from 'pg';
import { verifyAuditChain } from '@hub/platform/audit';
import { readPort, readUrl } from '@hub/platform/config';
import { SUBGRAPH_NAMES } from '@hub/platform/topology';

const configured = readUrl('DATABASE_URL', process.env, ['postgres:', 'postgresql:']);
const url = configured?.toString() ?? `postgres://postgres:postgres@127.0.0.1:${readPort('EMBEDDED_POSTGRES_PORT', 54329)}/deflection_hub`;
const client = new pg.Client({ connectionString: url });
await client.connect();
let broken = 0;
try {
  for (const name of SUBGRAPH_NAMES) {
    const report = await verifyAuditChain(client, name, (checked) => {
      if (checked >= 10_000) process.stdout.write(`\r${name}: ${checked.toLocaleString('en-US')} records checked…`);
    });
    process.stdout.write('\r');
    if (report.broken) {
      broken += 1;
      console.log(`${name}: BROKEN at record ${report.broken.sequence}: ${report.broken.reason} (${report.records} records before it hold)`);
    } else {
      console.log(`${name}: ${report.records} records, chain intact`);
    }
  }
} finally {
  await client.end();
}
process.exit(broken > 0 ? 1 : 0);
