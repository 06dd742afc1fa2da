import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deterministicUuid } from './ids.ts';

describe('deterministicUuid', () => {
  it('gives the same v4-shaped UUID for the same name and different ones for different names', () => {
    const a = deterministicUuid('seed/329901/dept/x');
    expect(a).toBe(deterministicUuid('seed/329901/dept/x'));
    expect(a).not.toBe(deterministicUuid('seed/329901/dept/y'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(a).success).toBe(true);
  });
});
