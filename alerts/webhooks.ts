import { createHmac } from 'node:crypto';

export interface WebhookTarget {
  url: string;
  /** Shared secret for the HMAC-SHA256 signature the receiver checks. */
  secret: string;
  /** Only alerts of these departments / levels; empty = all. */
  departments?: string[];
  levels?: ('yellow' | 'red')[];
}

export interface WebhookMessage {
  /** Stable id: a receiver that sees it twice (a retry after a lost reply) can drop the copy. */
  id: string;
  deptCode: string;
  level: 'yellow' | 'red';
  body: unknown;
}

export interface DeadLetter {
  url: string;
  messageId: string;
  attempts: number;
  lastError: string;
  failedAt: string;
  body: unknown;
}

export const signBody = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Delivers alert messages to webhooks, signed with HMAC-SHA256 (header X-Sunlight-Signature), each
 * target in its own order. A failed delivery is retried with exponential backoff; after the last
 * attempt the message goes to the dead-letter list, where an operator can see and resend it.
 */
export function webhookDispatcher(targets: WebhookTarget[], options: { attempts?: number; baseDelayMs?: number; timeoutMs?: number; now?: () => Date } = {}) {
  const attempts = options.attempts ?? 6;
  const baseDelay = options.baseDelayMs ?? 1000;
  const deadLetters: DeadLetter[] = [];
  const queues = new Map<string, Promise<void>>();
  let delivered = 0;

  async function deliver(target: WebhookTarget, message: WebhookMessage): Promise<void> {
    const body = JSON.stringify(message.body);
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const res = await fetch(target.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-sunlight-signature': signBody(target.secret, body), 'x-sunlight-message-id': message.id, 'x-sunlight-attempt': String(attempt) },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        if (res.ok) {
          delivered++;
          return;
        }
        lastError = `HTTP ${res.status}`;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
      if (attempt < attempts) await new Promise((r) => setTimeout(r, baseDelay * 2 ** (attempt - 1)));
    }
    deadLetters.push({ url: target.url, messageId: message.id, attempts, lastError, failedAt: (options.now?.() ?? new Date()).toISOString(), body: message.body });
  }

  const wants = (t: WebhookTarget, m: WebhookMessage) =>
    (!t.departments?.length || t.departments.includes(m.deptCode)) && (!t.levels?.length || t.levels.includes(m.level));

  return {
    /** Queues the message for every matching target; resolves once it is queued, not delivered. */
    send(message: WebhookMessage): void {
      for (const target of targets) {
        if (!wants(target, message)) continue;
        const previous = queues.get(target.url) ?? Promise.resolve();
        queues.set(target.url, previous.then(() => deliver(target, message)));
      }
    },
    /** Resolves when everything queued so far has been delivered or dead-lettered. */
    async idle(): Promise<void> {
      await Promise.all(queues.values());
    },
    deadLetters: () => [...deadLetters],
    stats: () => ({ targets: targets.length, delivered, deadLetters: deadLetters.length }),
  };
}

export type WebhookDispatcher = ReturnType<typeof webhookDispatcher>;
