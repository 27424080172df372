import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built console. Paths without a file extension are client-side routes and get
 * index.html; hashed assets are cached for a year, the HTML never.
 */
export function createConsoleHandler(distDir: string) {
  const root = normalize(distDir + sep);
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<number> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const wanted = extname(pathname) ? pathname : '/index.html';
    const decoded = decodePath(wanted);
    if (decoded === undefined) return send(res, 400, 'Bad request path');
    const file = normalize(join(root, decoded));
    if (!file.startsWith(root)) return send(res, 404, 'Not found');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      return wanted === '/index.html'
        ? send(res, 503, 'The console is not built yet: run npm run build:console (npm start does it for you).')
        : send(res, 404, 'Not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': wanted.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
    } else {
      // pipeline, not pipe: a read error (the file replaced by a deploy) ends this response, not the process.
      pipeline(createReadStream(file), res, () => undefined);
    }
    return 200;
  };
}

/** `/%` or `/%E0%A4%A` are not paths; a NUL byte is one no file system accepts. */
function decodePath(path: string): string | undefined {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') ? undefined : decoded;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, text: string): number {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
  return status;
}
