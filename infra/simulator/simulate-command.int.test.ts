import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulate } from './simulate-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'sunlight-simulate-'));
const readLines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');

describe('sunlight simulate', () => {
  it('writes the events and the ground truth to the files named', async () => {
    const out = join(dir, 'events.ndjson');
    const labels = join(dir, 'labels.ndjson');
    expect(await runSimulate(['--seed', '8', '--cases', '300', '--out', out, '--labels', labels, '--quiet'])).toBe(0);
    const events = readLines(out).map((l) => JSON.parse(l) as { type: string; caseId?: string });
    expect(events[0]!.type).toBe('CalendarPublished');
    expect(events.filter((e) => e.type === 'CaseSubmitted').length).toBeGreaterThanOrEqual(300);
    const truth = readLines(labels).map((l) => JSON.parse(l) as { caseId: string; labels: unknown[] });
    expect(new Set(truth.map((t) => t.caseId))).toEqual(new Set(events.flatMap((e) => (e.caseId ? [e.caseId] : []))));
  });

  it('reads --to as the last arrival date when it is a date, and applies a rates file', async () => {
    const out = join(dir, 'spring.ndjson');
    const rates = join(dir, 'rates.json');
    await import('node:fs').then((fs) => fs.writeFileSync(rates, JSON.stringify({ refusal: 0.5 })));
    await runSimulate(['--cases', '200', '--from', '2026-03-02', '--to', '2026-03-31', '--rates', rates, '--out', out, '--quiet']);
    const events = readLines(out).map((l) => JSON.parse(l) as { type: string; occurredAt: string });
    const submitted = events.filter((e) => e.type === 'CaseSubmitted').map((e) => e.occurredAt.slice(0, 10));
    expect(submitted.every((d) => d >= '2026-03-02' && d <= '2026-03-31')).toBe(true);
    expect(events.filter((e) => e.type === 'AcceptanceRefused').length).toBeGreaterThan(50);
  });

  it('refuses contradictory or malformed arguments with a message naming the flag', async () => {
    await expect(runSimulate(['--out', join(dir, 'x'), '--to', 'http://127.0.0.1:9', '--token', 't'])).rejects.toThrow(/one destination/);
    await expect(runSimulate(['--cases', '0'])).rejects.toThrow(/--cases must be at least 1/);
    await expect(runSimulate(['--from', '2026/01/01'])).rejects.toThrow(/--from must be a date/);
    await expect(runSimulate(['--from', '2026-05-01', '--until', '2026-04-01'])).rejects.toThrow(/after/);
  });
});
