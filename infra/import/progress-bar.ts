import cliProgress from 'cli-progress';
import type { Progress } from './run-import.ts';

/**
 * One bar on stderr that follows the import through its two phases, so stdout keeps only the
 * summary. cli-progress draws nothing when stderr is not a terminal (a pipe, a CI log).
 */
export function progressBar(): { update(p: Progress): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {percentage}% | {value}/{total} {unit}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: Progress['phase'] | null = null;
  return {
    update(p) {
      const [value, total, unit] = p.phase === 'read' ? [Math.round(p.bytes / 1024), Math.round(p.totalBytes / 1024), 'KiB'] : [p.events, p.totalEvents, 'events'];
      const label = p.phase === 'read' ? 'reading  ' : 'appending';
      if (phase !== p.phase) {
        if (phase) bar.stop();
        bar.start(Math.max(total, 1), value, { phase: label, unit });
        phase = p.phase;
      } else bar.update(value, { phase: label, unit });
    },
    stop: () => bar.stop(),
  };
}
