import { expect } from '@playwright/test';
import type { Simulator } from '../../../simulator/simulator';
import { basicAuth } from './inspector-page';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the simulator's REST API as the demo superuser, the way drpcli or a script would change
 * objects on a real endpoint (docs/simulator.md, "Routes"). Fails the test on an unexpected status.
 */
export async function simRest(
  sim: Simulator,
  method: Method,
  path: string,
  body?: unknown,
  options: { contentType?: string; expectStatus?: number } = {},
): Promise<unknown> {
  const response = await fetch(`${sim.httpUrl}/api/v3/${path}`, {
    method,
    headers: {
      Authorization: basicAuth(),
      'Content-Type': options.contentType ?? 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, `${method} /api/v3/${path}: ${text}`).toBe(options.expectStatus ?? (method === 'POST' ? 201 : 200));
  return text === '' ? null : (JSON.parse(text) as unknown);
}
