import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../logger.js';

const STATUS_BY_CODE: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/** A socket mid-response must not get a second status line; Node's own default checks the same. */
function answering(socket: Socket): boolean {
  const message = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return Boolean(message?.headersSent);
}

/**
 * Malformed request lines, headers or chunk framing surface here, outside any request. They get
 * an HTTP answer and a closed socket (the framing cannot be trusted any more), and the server,
 * the socket and the process carry on.
 */
export function guardServer(server: Server, logger: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    logger.debug({ err: error, code: error.code }, 'malformed HTTP request');
    if (error.code === 'ECONNRESET' || !socket.writable || answering(socket)) {
      socket.destroy();
      return;
    }
    const [status, reason] = STATUS_BY_CODE[error.code ?? ''] ?? [400, 'Bad Request'];
    const body = `${reason}\n`;
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
    );
  });
  // Accept failures (EMFILE under a connection flood) are emitted on the server; without a
  // listener they would end the process.
  server.on('error', (error) => logger.error({ err: error }, 'HTTP server error'));
}
