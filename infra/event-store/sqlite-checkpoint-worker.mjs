// Runs on its own thread with its own connection to the log, copying committed WAL frames back into
// the database file. Plain JavaScript: it needs nothing from the TypeScript code base.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { file, idleMs } = workerData;
const db = new Database(file);
db.pragma('busy_timeout = 1000');
// This connection never writes events; it must not trigger checkpoints of its own either.
db.pragma('wal_autocheckpoint = 0');

let stopped = false;
let timer;
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  stopped = true;
  clearTimeout(timer);
  db.close();
  parentPort.postMessage('stopped');
});

function tick() {
  if (stopped) return;
  let remaining = 0;
  try {
    // PASSIVE never waits for the writer nor blocks it: it backfills what is committed and returns.
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    remaining = r.log - r.checkpointed;
    parentPort.postMessage({ log: r.log, checkpointed: r.checkpointed });
  } catch (error) {
    parentPort.postMessage({ error: String(error?.message ?? error) });
  }
  // Straight on while the writer outpaces us; otherwise rest.
  timer = setTimeout(tick, remaining > 1000 ? 0 : idleMs);
}
tick();
