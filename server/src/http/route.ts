import {
  type AnswerInput,
  API_PREFIX,
  ApiErrorCode,
  describeIssues,
  type Endpoint,
  type ParsedBody,
  type PathParams,
} from '@caseroom/shared';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { Result } from '../workshop/results.ts';
import { sendError } from './apiErrors.ts';

/** A request to an endpoint, its body checked against the endpoint's schema. */
export type EndpointCall<E extends Endpoint> = {
  req: Request;
  res: Response;
  params: PathParams<E>;
  body: ParsedBody<E>;
};

/** How a handler answers: only with the endpoint's answer type (a wrong shape does not compile). */
export type Reply<E extends Endpoint> = {
  /** Sends the answer with the endpoint's success status. */
  ok(value: AnswerInput<E>): void;
  /** Sends a service's result: its value as the answer, or its failure as an error body. */
  result(result: Result<AnswerInput<E>>): void;
};

/**
 * Registers one endpoint of shared's table on an `/api` router: its method and path, the guards
 * (who may call it), then its body parsed with the endpoint's schema — a body that does not fit is
 * 400 badRequest naming each field — and the handler, which answers through `reply`.
 */
export function route<E extends Endpoint>(
  router: Router,
  endpoint: E,
  guards: RequestHandler[],
  handle: (call: EndpointCall<E>, reply: Reply<E>) => void | Promise<void>,
): void {
  const path = endpoint.path.slice(API_PREFIX.length);
  const method = endpoint.method.toLowerCase() as Lowercase<Endpoint['method']>;
  router[method](path, ...guards, async (req: Request, res: Response) => {
    let body: unknown;
    if (endpoint.body) {
      // No body at all reads as {}: a schema with required fields names them.
      const parsed = endpoint.body.safeParse(req.body === undefined ? {} : req.body);
      if (!parsed.success) {
        sendError(res, 400, ApiErrorCode.BadRequest, `${describeIssues(parsed.error)}.`);
        return;
      }
      body = parsed.data;
    }
    const call = { req, res, params: req.params as PathParams<E>, body } as EndpointCall<E>;
    await handle(call, replyTo(res, endpoint));
  });
}

function replyTo<E extends Endpoint>(res: Response, endpoint: E): Reply<E> {
  return {
    ok: (value) => {
      res.status(endpoint.status).json(value);
    },
    result: (result) => {
      if (result.ok) res.status(endpoint.status).json(result.value);
      else sendError(res, result.status, result.code, result.message, result.details);
    },
  };
}
