import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionPanel } from '../../../../src/features/connection-panel/connection-panel';
import { endpointServingPage } from '../../../../src/features/connection-panel/initial-endpoint';
import { REMEMBERED_CONNECTION_KEY } from '../../../../src/features/connection-panel/remembered-connection';
import { renderWithStore } from '../../support/render-with-store';

function at(href: string): Pick<Location, 'protocol' | 'origin' | 'pathname'> {
  const url = new URL(href);
  return { protocol: url.protocol, origin: url.origin, pathname: url.pathname };
}

describe('endpointServingPage: the DRP endpoint whose file server served the page', () => {
  it('is the page origin under /files/, with any path prefix before it', () => {
    expect(endpointServingPage(at('https://drp.example.com:8092/files/inspector/index.html'))).toBe('https://drp.example.com:8092');
    expect(endpointServingPage(at('https://drp.example.com:8092/files/inspector/'))).toBe('https://drp.example.com:8092');
    expect(endpointServingPage(at('http://127.0.0.1:41234/files/inspector/index.html'))).toBe('http://127.0.0.1:41234');
    expect(endpointServingPage(at('https://proxy.example.com/drp/files/inspector/index.html'))).toBe('https://proxy.example.com/drp');
  });

  it('is empty anywhere else', () => {
    expect(endpointServingPage(at('https://static.example.com/inspector/index.html'))).toBe('');
    expect(endpointServingPage(at('https://static.example.com/filesystem/index.html'))).toBe('');
    expect(endpointServingPage(at('file:///home/me/files/inspector.html'))).toBe('');
  });
});

describe('the Endpoint field on a page served by DRP', () => {
  beforeEach(() => {
    localStorage.clear();
    window.history.replaceState(null, '', '/files/inspector/index.html');
  });
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '/');
  });

  function endpointField(): string {
    return (screen.getByLabelText('Endpoint') as HTMLInputElement).value;
  }

  it('starts with the page origin', () => {
    renderWithStore(<ConnectionPanel />);
    expect(endpointField()).toBe(window.location.origin);
  });

  it('starts with the remembered endpoint instead, and ?endpoint= wins over both', () => {
    localStorage.setItem(REMEMBERED_CONNECTION_KEY, JSON.stringify({ endpoint: 'drp-b.example.com', username: '' }));
    renderWithStore(<ConnectionPanel />);
    expect(endpointField()).toBe('drp-b.example.com');
    cleanup();

    window.history.replaceState(null, '', '/files/inspector/index.html?endpoint=drp-c.example.com');
    renderWithStore(<ConnectionPanel />);
    expect(endpointField()).toBe('drp-c.example.com');
  });
});
