import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sunlightEventTypes } from '../domain/events/catalogue.ts';
import { countyDepartments } from '../domain/seed/county.ts';
import { testApp, type TestApp } from '../test/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ deptA: countyDepartments.land.code, deptB: countyDepartments.market.code });
});
afterAll(async () => t.close());

describe('the OpenAPI document at /docs/json', () => {
  it('is generated from the event schemas: every event type is documented with its fields', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const text = JSON.stringify(doc.paths['/v1/events'].post.requestBody);
    for (const type of sunlightEventTypes) expect(text).toContain(`"enum":["${type}"]`);
    expect(text).toContain('不受理原因');
  });

  it('serves the UI without a token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/docs/' })).statusCode).toBe(200);
  });
});
