import type { RequestHandler } from 'express';
import type { Log } from '../log.ts';
import type { HostAllowlist } from '../network/HostAllowlist.ts';
import { ApiErrorCode, sendError } from './apiErrors.ts';

/**
 * Refuses a request whose Host is not one this server answers to (HostAllowlist: DNS
 * rebinding) with 421 Misdirected Request and a JSON error naming the host to use. `/health`
 * is exempt: a load balancer probes an instance by its own address, and the answer holds
 * nothing.
 */
export function requireAllowedHost(hosts: HostAllowlist, log: Log): RequestHandler {
  return (req, res, next) => {
    if (req.path === '/health' || hosts.allowsHost(req.headers.host)) return next();
    const host = req.headers.host ?? '';
    log('warn', 'request refused: host not allowed', { host, address: req.ip ?? '' });
    sendError(
      res,
      421,
      ApiErrorCode.HostNotAllowed,
      `This server does not answer to the host "${host}". Open it at ${hosts.expectedHost}, or add the name to ALLOWED_HOSTS.`,
      { expectedHost: hosts.expectedHost },
    );
  };
}
