import type { RequestHandler } from 'express';
import type { Log } from '../log.ts';
import { redactSecrets } from '../network/redactSecrets.ts';

/**
 * One `info` line per HTTP request once it is answered (or the client gave up): method, path
 * with any secret query parameter redacted (`redactSecrets`), status, milliseconds and the
 * client's address (`req.ip`: the socket's, or X-Forwarded-For's from a trusted proxy). Headers
 * are never logged, so neither is an Authorization token.
 */
export function requestLog(log: Log): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const ms = Number((process.hrtime.bigint() - started) / 100_000n) / 10;
      log('info', 'request', {
        method: req.method,
        path: redactSecrets(req.originalUrl),
        status: res.statusCode,
        ms,
        address: req.ip ?? '',
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    });
    next();
  };
}
