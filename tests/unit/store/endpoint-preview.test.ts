import { describe, expect, it } from 'vitest';
import { previewEndpoint } from '../../../src/store/endpoint-preview';

describe('previewEndpoint', () => {
  it('has nothing to show for a blank field', () => {
    expect(previewEndpoint('')).toBeNull();
    expect(previewEndpoint('   ')).toBeNull();
  });

  it('shows the socket URL Connect would open', () => {
    expect(previewEndpoint(' drp.example.com ')).toMatchObject({ ok: true, wsUrl: 'wss://drp.example.com:8092/api/v3/ws' });
  });

  it('shows why an endpoint is refused', () => {
    expect(previewEndpoint('https://user:pw@drp.example.com')).toMatchObject({ ok: false });
  });
});
