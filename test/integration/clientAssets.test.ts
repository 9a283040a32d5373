/**
 * Issue 10, redeploy-safe client: the built client is served from its precompressed copies
 * (br before gzip, by Accept-Encoding), hashed assets are cached immutable, index.html and
 * deep links are revalidated every time, and a missing chunk is a 404 — never index.html — so a
 * page holding an old build can tell that it was updated. Real server, real HTTP (node:http, so
 * the bytes on the wire are seen undecoded).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startTestServer, type TestServer } from '../support/server.ts';

/** A response as it came over the wire: status, headers, the body bytes still encoded. */
type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** GET without any decoding (fetch would undo Content-Encoding and hide what was sent). */
function get(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const INDEX_HTML = `<!doctype html><html lang="da"><head><title>Caseroom</title><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>`;
const APP_JS = `export const app = ${JSON.stringify('x'.repeat(4_000))};\n`;

/** A client directory shaped like Vite's output: index.html and a hashed chunk, each with .br and .gz beside it. */
function writeFakeClient(dir: string): void {
  const write = (path: string, content: string) => {
    writeFileSync(join(dir, path), content);
    writeFileSync(join(dir, `${path}.br`), brotliCompressSync(content));
    writeFileSync(join(dir, `${path}.gz`), gzipSync(content));
  };
  mkdirSync(join(dir, 'assets'));
  write('index.html', INDEX_HTML);
  write('assets/index-abc123.js', APP_JS);
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n');
}

describe('[10] the built client, compressed and safe across redeploys', () => {
  let server: TestServer;
  let clientDir: string;
  beforeAll(async () => {
    clientDir = mkdtempSync(join(tmpdir(), 'caseroom-client-'));
    writeFakeClient(clientDir);
    server = await startTestServer({ clientDir });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('sends a hashed chunk as brotli to a browser that accepts it, cached for a year', async () => {
    const response = await get(server.url, '/assets/index-abc123.js', BROWSER);
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body.equals(readFileSync(join(clientDir, 'assets/index-abc123.js.br')))).toBe(true);
    expect(brotliDecompressSync(response.body).toString()).toBe(APP_JS);
  });

  it('prefers brotli over gzip even when the browser lists gzip first, and sends gzip when brotli is not accepted', async () => {
    const first = await get(server.url, '/assets/index-abc123.js', { 'accept-encoding': 'gzip, br' });
    expect(first.headers['content-encoding']).toBe('br');
    const gzip = await get(server.url, '/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toMatch(/javascript/);
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(gzip.body).toString()).toBe(APP_JS);
  });

  it('sends the file itself to a client that accepts no compression (still Vary, still immutable)', async () => {
    const refusals: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ];
    for (const headers of refusals) {
      const response = await get(server.url, '/assets/index-abc123.js', headers);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers.vary).toMatch(/Accept-Encoding/i);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.body.toString()).toBe(APP_JS);
    }
  });

  it('revalidates index.html and every deep link on each load (no-cache, ETag → 304), compressed too', async () => {
    for (const path of ['/', '/index.html', '/case/AbCdEfGhIjKlMnOpQrStUv', '/start']) {
      const response = await get(server.url, path, BROWSER);
      expect(response.status, path).toBe(200);
      expect(response.headers['cache-control'], path).toBe('no-cache');
      expect(response.headers['content-type'], path).toMatch(/^text\/html/);
      expect(response.headers['content-encoding'], path).toBe('br');
      expect(response.headers.vary, path).toMatch(/Accept-Encoding/i);
      expect(brotliDecompressSync(response.body).toString(), path).toBe(INDEX_HTML);
      const etag = response.headers.etag as string;
      expect(etag, path).toBeTruthy();
      const again = await get(server.url, path, { ...BROWSER, 'if-none-match': etag });
      expect(again.status, path).toBe(304);
    }
  });

  it('an unhashed file is revalidated, not cached for a year', async () => {
    const response = await get(server.url, '/robots.txt', BROWSER);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body.toString()).toBe('User-agent: *\n');
  });

  it('a chunk of an older build is a 404, never index.html, and the 404 is not cached', async () => {
    for (const path of ['/assets/CaseRoom-Old12345.js', '/assets/index-abc123.css', '/assets/', '/assets/deep/x']) {
      const response = await get(server.url, path, BROWSER);
      expect(response.status, path).toBe(404);
      expect(response.headers['content-type'], path).toMatch(/application\/json/);
      expect(response.headers['cache-control'], path).toBe('no-store');
      expect(response.body.toString(), path).not.toContain('<!doctype html>');
    }
  });

  it('other missing files with an extension are 404 too; /api stays JSON', async () => {
    for (const path of ['/favicon.ico', '/main.js', '/case/abc/styles.css']) {
      const response = await get(server.url, path, BROWSER);
      expect(response.status, path).toBe(404);
      expect(response.body.toString(), path).not.toContain('<!doctype html>');
    }
    const api = await get(server.url, '/api/nothing', BROWSER);
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/json/);
  });
});

const REAL_CLIENT = join(REPO_ROOT, 'client', 'dist');

describe.skipIf(!existsSync(join(REAL_CLIENT, 'index.html')))('[10] the real build (client/dist)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clientDir: REAL_CLIENT });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has a brotli and a gzip copy of every script and stylesheet, and serves each compressed and immutable', async () => {
    const assets = readdirSync(join(REAL_CLIENT, 'assets')).filter((name) => /\.(js|css)$/.test(name));
    expect(assets.some((name) => name.endsWith('.js'))).toBe(true);
    for (const name of assets) {
      expect(existsSync(join(REAL_CLIENT, 'assets', `${name}.br`)), `${name}.br`).toBe(true);
      expect(existsSync(join(REAL_CLIENT, 'assets', `${name}.gz`)), `${name}.gz`).toBe(true);
      const response = await get(server.url, `/assets/${name}`, BROWSER);
      expect(response.status, name).toBe(200);
      expect(response.headers['content-encoding'], name).toBe('br');
      expect(response.headers['cache-control'], name).toBe('public, max-age=31536000, immutable');
      const original = readFileSync(join(REAL_CLIENT, 'assets', name));
      expect(brotliDecompressSync(response.body).equals(original), name).toBe(true);
      expect(response.body.length, name).toBeLessThan(original.length);
    }
  });
});
