import { describe, expect, it } from 'vitest';
import { queryGate } from './evaluator.ts';

describe('the rule-query gate', () => {
  it('runs one query at a time, an urgent one next, yet lets a waiting other through after a few urgent ones', async () => {
    const gate = queryGate(2);
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const query = (name: string, urgent: boolean) =>
      gate(urgent, async () => {
        running++;
        most = Math.max(most, running);
        order.push(name);
        await new Promise((r) => setTimeout(r, 5));
        running--;
      });
    const all = [query('n1', false), query('n2', false), query('n3', false), query('u1', true), query('u2', true), query('u3', true)];
    await Promise.all(all);
    expect(most).toBe(1);
    // n1 was running; then two urgent ones, one waiting other, the last urgent, the rest in order.
    expect(order).toEqual(['n1', 'u1', 'u2', 'n2', 'u3', 'n3']);
  });
});
