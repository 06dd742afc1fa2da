import { SingleBar } from 'cli-progress';
import { migrations, projections } from '../../projections/index.ts';
import { projectionServices } from '../../projections/projection.ts';
import { idleProgress, rebuildReadModels, type RebuildProgress } from '../../projections/rebuild.ts';
import { openClickHouse } from '../clickhouse/client.ts';
import { migrate } from '../clickhouse/migrations.ts';
import { loadConfig } from '../config.ts';
import { openEventStore } from '../event-store/open.ts';
import { runningServer } from '../server-lock.ts';

const USAGE = `usage: sunlight rebuild [--token TOKEN]

Rebuilds every read model from the event log into fresh tables and swaps them in at the end;
queries keep working meanwhile. When Sunlight is running on the data directory, the rebuild runs
inside it (the embedded ClickHouse belongs to one process) and needs an admin token
(--token, or SUNLIGHT_ADMIN_TOKEN); otherwise it runs here.
`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help')) return void process.stdout.write(USAGE), 0;
  const config = loadConfig();
  const tokenAt = args.indexOf('--token');
  const token = tokenAt >= 0 ? args[tokenAt + 1] : config.auth.adminToken;
  const server = runningServer(config.dataDir);
  return server ? viaServer(server.url, token) : inProcess();

  async function inProcess(): Promise<number> {
    const store = await openEventStore(config);
    const ch = await openClickHouse(config);
    try {
      await migrate(ch, migrations);
      const progress = idleProgress();
      const bar = progressBar();
      const ticker = setInterval(() => show(bar, progress), 250);
      await rebuildReadModels({ store, ch, projections, services: projectionServices(store, config.clock), progress, pauseLive: async () => {}, resumeLive: async () => {} });
      clearInterval(ticker);
      show(bar, progress);
      bar.stop();
      return report(progress);
    } finally {
      await ch.close();
      await store.close();
    }
  }
}

async function viaServer(url: string, token: string | undefined): Promise<number> {
  if (!token) {
    process.stderr.write(`Sunlight is running at ${url} and owns the read models; give an admin token with --token or SUNLIGHT_ADMIN_TOKEN.\n`);
    return 2;
  }
  const headers = { authorization: `Bearer ${token}` };
  const started = await fetch(`${url}/v1/admin/rebuild`, { method: 'POST', headers });
  if (started.status !== 202) {
    process.stderr.write(`the server refused the rebuild (${started.status}): ${await started.text()}\n`);
    return 1;
  }
  const bar = progressBar();
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const { progress } = (await (await fetch(`${url}/v1/admin/rebuild`, { headers })).json()) as { progress: RebuildProgress };
    show(bar, progress);
    if (progress.state === 'done' || progress.state === 'failed') {
      bar.stop();
      return report(progress);
    }
  }
}

const progressBar = () => {
  const bar = new SingleBar({ format: 'rebuild [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | {state}', hideCursor: true });
  bar.start(1, 0, { rate: 0, state: 'starting' });
  return bar;
};

function show(bar: SingleBar, p: RebuildProgress): void {
  bar.setTotal(Math.max(p.target, p.processed, 1));
  bar.update(p.processed, { rate: p.eventsPerSecond, state: p.state });
}

function report(p: RebuildProgress): number {
  if (p.state === 'failed') {
    process.stderr.write(`rebuild failed: ${p.error}\n`);
    return 1;
  }
  process.stdout.write(`rebuilt every read model from ${p.processed} events at ${p.eventsPerSecond} events/s\n`);
  return 0;
}
