import { evolveAlert, initialAlertState, openAlertKey, openAlertKeyOf, recordOf, type AlertEvent, type AlertState } from '../domain/alerts/index.ts';
import type { EventStore, RecordedEvent, Subscription } from '../infra/event-store/port.ts';

const PREFIX = 'alert-';

export interface BookEntry {
  alertId: string;
  state: AlertState;
  /** Revision of the stream's last event: the expected revision for the next append. */
  revision: bigint;
}

/**
 * Every alert's current state, folded from the alert streams of the log and kept current by
 * following it. The evaluator asks it whether a (case, rule, level) already has an open alert and
 * which occurrence a new one would be, so a restart never raises an alert twice.
 */
export class AlertBook {
  private readonly entries = new Map<string, BookEntry>();
  private readonly openByKey = new Map<string, string>();
  private readonly raisedPerKey = new Map<string, number>();
  /** (case, rule, level) and evidence of alerts a person closed: verified or dismissed. */
  private readonly settledFindings = new Set<string>();
  private readonly settledRedsOfYellows = new Set<string>();
  private readonly listeners = new Set<(entry: BookEntry, event: RecordedEvent) => void>();
  private subscription: Subscription | undefined;
  position = -1n;

  /** Reads every alert event so far, then follows the log. */
  async start(store: EventStore): Promise<void> {
    for (;;) {
      const page = await store.readAll({ after: this.position, maxCount: 10_000 });
      if (page.length === 0) break;
      for (const e of page) this.apply(e);
    }
    this.subscription = store.subscribeAll({ after: this.position, onEvent: (e) => void this.apply(e) });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  apply(e: RecordedEvent): void {
    this.position = e.position;
    if (!e.streamId.startsWith(PREFIX)) return;
    const alertId = e.streamId.slice(PREFIX.length);
    const before = this.entries.get(alertId) ?? { alertId, state: initialAlertState, revision: -1n };
    if (e.revision <= before.revision) return;
    const previousKey = openAlertKeyOf(before.state);
    const entry = { alertId, state: evolveAlert(before.state, e.data as AlertEvent), revision: e.revision };
    this.entries.set(alertId, entry);
    if (e.type === 'AlertRaised') {
      const r = recordOf(entry.state)!;
      const key = openAlertKey(r.alert.caseId, r.alert.ruleId, r.alert.raisedLevel);
      this.raisedPerKey.set(key, (this.raisedPerKey.get(key) ?? 0) + 1);
    }
    if (entry.state.status === 'closed' && entry.state.closedBy !== 'auto') {
      const r = recordOf(entry.state)!;
      this.settledFindings.add(findingKey(openAlertKey(r.alert.caseId, r.alert.ruleId, r.alert.raisedLevel), r.alert.evidence.eventIds));
      // A yellow that had turned red was settled as the red of its clock (see settledAsRed).
      if (r.alert.raisedLevel === 'yellow' && r.standing.level !== 'yellow') this.settledRedsOfYellows.add(openAlertKey(r.alert.caseId, r.alert.ruleId, 'yellow'));
    }
    const key = openAlertKeyOf(entry.state);
    if (previousKey && previousKey !== key) this.openByKey.delete(previousKey);
    if (key) this.openByKey.set(key, alertId);
    for (const listener of this.listeners) listener(entry, e);
  }

  openFor(key: string): BookEntry | undefined {
    const id = this.openByKey.get(key);
    return id ? this.entries.get(id) : undefined;
  }

  /**
   * Whether this finding (the same key and the same evidence) was already dealt with by a person:
   * the reply was verified, or an appeal dismissed it. A fact that stays true (a case that was
   * overdue stays overdue) must not come back as a new alert each time its alert is closed. A
   * yellow closed by itself does not count: when its case resumes, it may warn again.
   */
  settled(key: string, evidenceEventIds: readonly string[]): boolean {
    return this.settledFindings.has(findingKey(key, evidenceEventIds));
  }

  /**
   * Whether a yellow of this key became red and was then closed by a person. Its red sibling rule
   * (the same clock past its deadline, with evidence of its own) must not raise that red again.
   */
  settledAsRed(yellowKey: string): boolean {
    return this.settledRedsOfYellows.has(yellowKey);
  }

  /** The occurrence a new alert of this key would be: one more than those ever raised. */
  nextOccurrence(key: string): number {
    return (this.raisedPerKey.get(key) ?? 0) + 1;
  }

  get(alertId: string): BookEntry | undefined {
    return this.entries.get(alertId);
  }

  all(): IterableIterator<BookEntry> {
    return this.entries.values();
  }

  open(): BookEntry[] {
    return [...this.openByKey.values()].map((id) => this.entries.get(id)!);
  }

  /** Called for every alert event applied, after the state is updated. */
  onChange(listener: (entry: BookEntry, event: RecordedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

const findingKey = (key: string, eventIds: readonly string[]) => `${key}|${[...eventIds].sort().join(',')}`;
