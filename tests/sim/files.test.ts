import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { ADMIN, api, basicHeader, VIEWER } from './sim-client';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ machines: 1 });
});
afterAll(async () => {
  await sim?.close();
});

const PAGE = Buffer.from('<!doctype html><title>inspector</title>\n', 'utf8');
/** Not valid UTF-8: a store that went through a string would change these bytes. */
const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0xc3]);

/** What `drpcli files upload <local> as <remote>` sends: the raw bytes as application/octet-stream. */
function upload(remote: string, bytes: Buffer, options: { contentType?: string; auth?: string | null } = {}): ReturnType<typeof api> {
  return api(sim.httpUrl, `/api/v3/files/${remote}`, {
    method: 'POST',
    body: new Uint8Array(bytes),
    headers: { 'Content-Type': options.contentType ?? 'application/octet-stream' },
    auth: options.auth,
  });
}

/** A request whose path goes out exactly as written (fetch would resolve `..` and `%2e%2e` first). */
function rawRequest(method: string, path: string): Promise<{ status: number; contentType: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sim.port, method, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe("DRP's files area: drpcli files upload, then the static server", () => {
  it('stores a POSTed file and serves it at /files/<path> without credentials, as text/html', async () => {
    const stored = await upload('inspector/index.html', PAGE);
    expect(stored.status).toBe(201);
    expect(stored.body).toEqual({ Path: '/inspector/index.html', Size: PAGE.length });

    const served = await fetch(`${sim.httpUrl}/files/inspector/index.html`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PAGE);

    const head = await rawRequest('HEAD', '/files/inspector/index.html');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('keeps the bytes exactly and types other files by extension', async () => {
    expect((await upload('blobs/raw.bin', BINARY)).status).toBe(201);
    const raw = await rawRequest('GET', '/files/blobs/raw.bin');
    expect(raw.contentType).toBe('application/octet-stream');
    expect(raw.body).toEqual(BINARY);

    expect((await upload('blobs/app.js', Buffer.from('export {};'))).status).toBe(201);
    expect((await rawRequest('GET', '/files/blobs/app.js')).contentType).toBe('text/javascript; charset=utf-8');
  });

  it('replaces a file uploaded again at the same path', async () => {
    await upload('again/note.txt', Buffer.from('one'));
    await upload('again/note.txt', Buffer.from('two'));
    expect((await rawRequest('GET', '/files/again/note.txt')).body.toString()).toBe('two');
  });

  it('needs credentials and the files post claim to upload, like every API route', async () => {
    const anonymous = await upload('denied/anonymous.html', PAGE, { auth: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('dr-provision');

    const viewer = await upload('denied/viewer.html', PAGE, { auth: basicHeader(VIEWER.user, VIEWER.password) });
    expect(viewer.status).toBe(403);

    expect((await rawRequest('GET', '/files/denied/anonymous.html')).status).toBe(404);
    expect((await rawRequest('GET', '/files/denied/viewer.html')).status).toBe(404);
  });

  it('takes application/octet-stream only, and no directory as a target', async () => {
    const json = await upload('typed/page.html', PAGE, { contentType: 'application/json' });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ Model: 'files', Messages: ['Want content-type application/octet-stream, not application/json'] });

    expect((await upload('typed/dir/', PAGE)).status).toBe(403);
    // A file cannot also be a directory, as on disk.
    expect((await upload('inspector/index.html/inner.html', PAGE)).status).toBe(409);
  });

  it('lists a directory through GET /api/v3/files?path= (authenticated)', async () => {
    await upload('listed/a.html', PAGE);
    await upload('listed/sub/b.html', PAGE);
    expect(await api(sim.httpUrl, '/api/v3/files?path=listed')).toMatchObject({ status: 200, body: ['a.html', 'sub/'] });
    const root = await api(sim.httpUrl, '/api/v3/files');
    expect(root.body).toEqual(expect.arrayContaining(['inspector/', 'listed/']));
    expect((await api(sim.httpUrl, '/api/v3/files?path=nowhere')).status).toBe(404);
    expect((await api(sim.httpUrl, '/api/v3/files', { auth: null })).status).toBe(401);
  });

  it('downloads and deletes through the API', async () => {
    await upload('gone/page.html', PAGE);
    const download = await fetch(`${sim.httpUrl}/api/v3/files/gone/page.html`, {
      headers: { Authorization: basicHeader(ADMIN.user, ADMIN.password) },
    });
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PAGE);

    expect((await api(sim.httpUrl, '/api/v3/files/gone/page.html', { method: 'DELETE' })).status).toBe(204);
    expect((await rawRequest('GET', '/files/gone/page.html')).status).toBe(404);
    expect((await api(sim.httpUrl, '/api/v3/files/gone/page.html', { method: 'DELETE' })).status).toBe(404);
  });

  it('never climbs out of the files area: .. stops at its root, as Go cleans a rooted path', async () => {
    for (const path of ['/files/..%2f..%2fsim%2fstats', '/files/%2e%2e/%2e%2e/etc/passwd', '/files/', '/files/inspector']) {
      const response = await rawRequest('GET', path);
      expect(response.status, path).toBe(404);
    }
    // The same file, however the path gets there.
    expect((await rawRequest('GET', '/files/listed/sub/%2e%2e/a.html')).body).toEqual(PAGE);
    expect((await rawRequest('GET', '/files/..%2flisted/a.html')).body).toEqual(PAGE);

    // An upload with .. lands inside the area too.
    const climbed = await upload('..%2f..%2fclimbed.txt', Buffer.from('inside'));
    expect(climbed.status).toBe(201);
    expect((await rawRequest('GET', '/files/climbed.txt')).body.toString()).toBe('inside');
  });

  it('answers only GET and HEAD on the static side', async () => {
    expect((await rawRequest('POST', '/files/inspector/index.html')).status).toBe(405);
  });
});
