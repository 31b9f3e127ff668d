/**
 * A local HTTP server for the collector's tests: listens on 127.0.0.1 on a
 * free port, answers each path with its handler (404 otherwise, so a site
 * without robots.txt is the default), and records every request with its
 * time and headers, so tests can check what the collector sent and when.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Hit {
  path: string;
  /** `performance.now()` when the request arrived. */
  at: number;
  headers: IncomingMessage['headers'];
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  hits: Hit[];
  /** Requests to one path. */
  hitsOn(path: string): Hit[];
  /** Adds or replaces a handler. */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push({ path, at: performance.now(), headers: req.headers });
    const handler = table.get(path);
    // A client that gives up mid-response (a size limit, a timeout) is expected here.
    res.on('error', () => undefined);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    hitsOn: (path) => hits.filter((h) => h.path === path),
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A handler answering `body` with a type, and 304 to a request that carries the same ETag. */
export function serve(body: string, type: string, extra: { etag?: string; lastModified?: string; status?: number } = {}): Handler {
  return (req, res) => {
    if (extra.etag !== undefined && req.headers['if-none-match'] === extra.etag) {
      res.writeHead(304, { etag: extra.etag }).end();
      return;
    }
    if (extra.lastModified !== undefined && extra.etag === undefined && req.headers['if-modified-since'] === extra.lastModified) {
      res.writeHead(304, { 'last-modified': extra.lastModified }).end();
      return;
    }
    res
      .writeHead(extra.status ?? 200, {
        'content-type': type,
        ...(extra.etag === undefined ? {} : { etag: extra.etag }),
        ...(extra.lastModified === undefined ? {} : { 'last-modified': extra.lastModified }),
      })
      .end(body);
  };
}

export const HTML = 'text/html; charset=utf-8';
