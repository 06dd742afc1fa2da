import type { EventStore } from '../../infra/event-store/port.ts';
import type { ProjectionRunner } from '../../projections/runner.ts';

/** Resolves once the runner's checkpoint has reached the store's head; fails with its last error. */
export async function projected(store: EventStore, runner: ProjectionRunner, ms = 20_000): Promise<void> {
  const head = await store.headPosition();
  const until = Date.now() + ms;
  while (runner.status().checkpoint < head) {
    if (Date.now() > until) throw new Error(`projection stuck at ${runner.status().checkpoint} of ${head}: ${runner.status().lastError}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
