import type { EventEmitter } from 'node:events';
import type { ReadAllOptions, RecordedEvent, Subscription } from './port.ts';

const PAGE = 1000;
/** Another process (a CLI import) may append too; it cannot signal us, so we also poll. */
const POLL_MS = 250;

/**
 * Catch-up then live: read pages after the checkpoint until empty, then wait for an in-process
 * "appended" signal or the poll timer. Delivery is strictly sequential, so order is the log's.
 */
export function subscribeByPolling(args: {
  after: bigint | undefined;
  read: (o: ReadAllOptions) => RecordedEvent[];
  appended: EventEmitter;
  onEvent: (e: RecordedEvent) => Promise<void> | void;
  onError: ((e: unknown) => void) | undefined;
}): Subscription {
  let checkpoint = args.after ?? -1n;
  let stopped = false;
  let wake: (() => void) | null = null;
  // Set when an append lands while we are reading, so the next idle does not sleep through it.
  let pending = false;
  const signal = () => {
    pending = true;
    wake?.();
  };
  args.appended.on('appended', signal);

  const done = (async () => {
    try {
      while (!stopped) {
        const page = args.read({ after: checkpoint, maxCount: PAGE });
        for (const event of page) {
          if (stopped) return;
          await args.onEvent(event);
          checkpoint = event.position;
        }
        if (page.length < PAGE && !pending) await idle();
        pending = false;
      }
    } catch (error) {
      stopped = true;
      args.onError?.(error);
    } finally {
      args.appended.off('appended', signal);
    }
  })();

  function idle(): Promise<void> {
    return new Promise((resolve) => {
      if (stopped) return resolve();
      const timer = setTimeout(finish, POLL_MS);
      function finish() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = finish;
    });
  }

  return {
    done,
    async stop() {
      stopped = true;
      signal();
      await done;
    },
  };
}
