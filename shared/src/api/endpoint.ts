import type { z } from 'zod';
import type { ApiErrorCode } from './errorCodes.ts';

/**
 * One HTTP endpoint of the server, said once: the router registers and validates by it, the
 * client's `callApi` builds the request and checks the answer by it. Paths are Express paths
 * with `:params`, under `/api`.
 */
export type Endpoint<
  Path extends string = string,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Answer extends z.ZodType | FileAnswer = z.ZodType | FileAnswer,
> = {
  method: HttpMethod;
  path: Path;
  /** The JSON body's schema; undefined: the endpoint reads no body (or, for the import, raw text). */
  body: Body;
  /** The schema of a successful answer's JSON, or FILE_ANSWER for a download. */
  response: Answer;
  /** The status of a successful answer. */
  status: 200 | 201;
  /** The error codes it may answer with besides those any `/api` request can meet (COMMON_ERRORS). */
  errors: readonly ApiErrorCode[];
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** The answer of an endpoint that sends a file (an export), not JSON. */
export const FILE_ANSWER = 'file';
export type FileAnswer = typeof FILE_ANSWER;

/** Where the API is mounted; every endpoint's path starts with it. */
export const API_PREFIX = '/api';

/** An endpoint, typed by its own literal path and schemas (`satisfies` would lose nothing either). */
export function endpoint<
  const Path extends string,
  Body extends z.ZodType | undefined = undefined,
  Answer extends z.ZodType | FileAnswer = z.ZodType,
>(definition: {
  method: HttpMethod;
  path: Path;
  body?: Body;
  response: Answer;
  status?: 200 | 201;
  errors?: readonly ApiErrorCode[];
}): Endpoint<Path, Body, Answer> {
  return {
    method: definition.method,
    path: definition.path,
    body: definition.body as Body,
    response: definition.response,
    status: definition.status ?? 200,
    errors: definition.errors ?? [],
  };
}

/** The names of a path's `:params`: `'/cases/:id/export.:format'` → `'id' | 'format'`. */
export type PathParamNames<Path extends string> = Path extends `${string}:${infer Rest}`
  ? Rest extends `${infer Name}/${infer Tail}`
    ? Name | PathParamNames<`/${Tail}`>
    : Rest
  : never;

/** The values of an endpoint's path params. */
export type PathParams<E extends Endpoint> = Record<PathParamNames<E['path']>, string>;

/** What an endpoint's body is, as the caller writes it (undefined: none). */
export type RequestBody<E extends Endpoint> = E['body'] extends z.ZodType ? z.input<E['body']> : undefined;

/** What an endpoint's body is after its schema parsed it (what the server's handler gets). */
export type ParsedBody<E extends Endpoint> = E['body'] extends z.ZodType ? z.output<E['body']> : undefined;

/** What an endpoint's answer is, as the server writes it. */
export type AnswerInput<E extends Endpoint> = E['response'] extends z.ZodType ? z.input<E['response']> : never;

/** What an endpoint's answer is, as the client reads it after checking. */
export type Answer<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : never;

/** The path with its params filled in, each encoded: `/api/cases/:id/me` + { id } → `/api/cases/c%201/me`. */
export function endpointPath<E extends Endpoint>(endpoint: E, params: PathParams<E>): string {
  const values = params as Record<string, string>;
  return endpoint.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`endpointPath: no value for :${name} of ${endpoint.path}`);
    return encodeURIComponent(value);
  });
}
