/**
 * What a `ClusterBus` call can fail with. Each is an expected failure between processes (Redis
 * down, a process gone or slow, a handler that threw), so callers tell them apart with
 * `instanceof` and decide: retry after `'up'`, treat the owner as gone, or pass the message on.
 */

/** The base of every error the cluster bus rejects with. */
export class ClusterError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClusterError';
  }
}

/** Redis cannot be reached (or the bus was closed): nothing was sent, or its fate is unknown. */
export class ClusterUnavailable extends ClusterError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClusterUnavailable';
  }
}

/** A request got no answer within its timeout. */
export class ClusterRequestTimeout extends ClusterError {
  constructor(
    readonly target: string,
    readonly timeoutMs: number,
  ) {
    super(`process ${target} did not answer within ${timeoutMs} ms`);
    this.name = 'ClusterRequestTimeout';
  }
}

/**
 * Nobody listens on the target process's channel (Redis counted no subscriber when the request
 * was published): the process is gone or has not started. Known at once, no timeout needed.
 */
export class ClusterNoRecipient extends ClusterError {
  constructor(readonly target: string) {
    super(`no process ${target} is listening`);
    this.name = 'ClusterNoRecipient';
  }
}

/** The target process's request handler threw; `message` is its error's message. */
export class ClusterRemoteError extends ClusterError {
  constructor(
    readonly target: string,
    message: string,
  ) {
    super(message);
    this.name = 'ClusterRemoteError';
  }
}
