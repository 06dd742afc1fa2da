import { z } from 'zod';
import { instant, nonEmpty } from '../domain/events/common.ts';
import type { EventStore, RecordedEvent, Subscription } from '../infra/event-store/port.ts';

/**
 * Silences mute a rule or a department (or one rule for one department) for a time window, with a
 * reason. They are events too (stream silence-<id>), so who muted what, when and why stays on record.
 */
export const silenceCreated = z.strictObject({
  eventId: z.uuid(),
  type: z.literal('SilenceCreated'),
  silenceId: z.uuid(),
  occurredAt: instant,
  actor: z.strictObject({ name: nonEmpty('name'), role: z.enum(['supervisor', 'admin']) }),
  payload: z
    .strictObject({
      ruleId: z.string().min(1).optional(),
      deptCode: z.string().min(1).optional(),
      from: instant,
      until: instant,
      reason: nonEmpty('reason').min(4, 'must say why (at least 4 characters)'),
    })
    .refine((p) => p.ruleId || p.deptCode, 'must name a rule, a department, or both')
    .refine((p) => Date.parse(p.until) > Date.parse(p.from), 'until must be after from'),
});
export const silenceLifted = z.strictObject({
  eventId: z.uuid(),
  type: z.literal('SilenceLifted'),
  silenceId: z.uuid(),
  occurredAt: instant,
  actor: z.strictObject({ name: nonEmpty('name'), role: z.enum(['supervisor', 'admin']) }),
  payload: z.strictObject({ reason: nonEmpty('reason') }),
});
export type SilenceCreated = z.infer<typeof silenceCreated>;
export type SilenceLifted = z.infer<typeof silenceLifted>;

export interface Silence {
  silenceId: string;
  ruleId?: string;
  deptCode?: string;
  from: string;
  until: string;
  reason: string;
  by: string;
  lifted: { at: string; by: string; reason: string } | null;
}

export const silenceStream = (id: string) => `silence-${id}`;

export class SilenceBook {
  private readonly silences = new Map<string, Silence>();
  private subscription: Subscription | undefined;

  async start(store: EventStore): Promise<void> {
    let after = -1n;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 10_000 });
      if (page.length === 0) break;
      for (const e of page) this.apply(e);
      after = page.at(-1)!.position;
    }
    this.subscription = store.subscribeAll({ after, onEvent: (e) => this.apply(e) });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  apply(e: RecordedEvent): void {
    if (!e.streamId.startsWith('silence-')) return;
    if (e.type === 'SilenceCreated') {
      const c = e.data as SilenceCreated;
      this.silences.set(c.silenceId, { silenceId: c.silenceId, ...c.payload, by: c.actor.name, lifted: null });
    } else if (e.type === 'SilenceLifted') {
      const l = e.data as SilenceLifted;
      const s = this.silences.get(l.silenceId);
      if (s) s.lifted = { at: l.occurredAt, by: l.actor.name, reason: l.payload.reason };
    }
  }

  /** Whether a violation of `ruleId` by `deptCode` is muted at `now`. */
  mutes(ruleId: string, deptCode: string, now: string): boolean {
    const t = Date.parse(now);
    for (const s of this.silences.values()) {
      if (s.lifted || t < Date.parse(s.from) || t >= Date.parse(s.until)) continue;
      if ((!s.ruleId || s.ruleId === ruleId) && (!s.deptCode || s.deptCode === deptCode)) return true;
    }
    return false;
  }

  get(id: string): Silence | undefined {
    return this.silences.get(id);
  }

  list(): Silence[] {
    return [...this.silences.values()];
  }
}
