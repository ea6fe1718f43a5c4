/**
 * The child process of the crash test (electron/core/db/crash.test.ts): opens the node in `dataDir`
 * through createCore (quick_check, migrations, the keyed audit chain), signs in as `admin` and writes case
 * notes through the door as fast as it can, printing `ack <note>` only after each call has answered
 * (committed). The parent SIGKILLs it at random moments and later checks every acknowledged note is there.
 *
 *   node crash-child.mjs <dataDir> <runId> <disputeId>
 */
import { createCore } from '../../electron/core/index';
import { fixedClock } from '../../electron/core/clock';
import { quietLog, TEST_PASSWORD } from './tempCore';

const [dataDir, runId, disputeId] = process.argv.slice(2) as [string, string, string];
const core = await createCore({ dataDir, clock: fixedClock('2021-10-29T09:00:00+08:00'), log: quietLog });
const login = await core.invoke('session.login', { username: 'admin', password: TEST_PASSWORD }, { token: null });
if (!login.ok) {
  process.stderr.write(`login failed: ${login.error.message}\n`);
  process.exit(3);
}
const token = (login.value as { token: string }).token;
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const note = `crash-${runId}-${i}`;
  const res = await core.invoke('disputes.addNote', { id: Number(disputeId), note }, { token });
  if (!res.ok) {
    process.stderr.write(`write failed: ${res.error.code} ${res.error.message}\n`);
    process.exit(4);
  }
  process.stdout.write(`ack ${note}\n`);
}
