/**
 * Why the server closed a websocket. The client reads the code to decide whether to try again
 * (and what to tell the person). 4000–4999 are free for applications (RFC 6455 §7.4.2).
 */
export const CloseCode = {
  /** The server is shutting down or restarting; reconnect. (RFC 6455 "going away") */
  GoingAway: 1001,
  /**
   * Issue 14: the case moved to another server process, or this one is draining for a restart;
   * reconnect now (behind the load balancer another process serves it). (RFC 6455 "service restart")
   */
  ServiceRestart: 1012,
  /** Issue 14: the process that owns the case cannot be reached just now; reconnect in a moment. (RFC 6455 "try again later") */
  TryAgainLater: 1013,
  /** A frame over the size limit (ws sends this itself when maxPayload is exceeded). */
  MessageTooBig: 1009,
  /** A message that could not be decoded or had an unknown type. Reconnect with a fresh state. */
  MalformedMessage: 4400,
  /** No token, an unknown token, or a token for another case: do not reconnect. */
  Unauthorized: 4401,
  /** The link was replaced by the facilitator (rotated): do not reconnect; ask for the new link. */
  LinkRevoked: 4403,
  /** The link passed the expiry its facilitator set (issue 10): do not reconnect; offline edits stay in this browser. */
  LinkExpired: 4410,
  /** The facilitator ended this party's access (issue 10): do not reconnect; offline edits stay in this browser. */
  AccessEnded: 4406,
  /** There is no case with this id (never made, or deleted for good): do not reconnect. */
  CaseNotFound: 4404,
  /** The case was archived (issue 15): read-only until it is restored; do not reconnect. */
  CaseArchived: 4423,
  /** The connection sent more messages or bytes per second than its bound (a modified client); reconnect later. */
  TooManyMessages: 4429,
  /** The connection did not read what the server sent it and its send buffer passed its bound; reconnect. */
  SlowConsumer: 4408,
  /** The server cannot store changes right now; it keeps them in memory and retries. Reconnect later. */
  StorageUnavailable: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client must stop reconnecting and tell the person why. */
export const FINAL_CLOSE_CODES: readonly number[] = [
  CloseCode.CaseNotFound,
  CloseCode.Unauthorized,
  CloseCode.LinkRevoked,
  CloseCode.LinkExpired,
  CloseCode.AccessEnded,
  CloseCode.CaseArchived,
];

/** Whether the client should stop trying to reconnect after this close code. */
export function isFinalClose(code: number): boolean {
  return FINAL_CLOSE_CODES.includes(code);
}
