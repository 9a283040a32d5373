import { encodeLinkToken } from '@caseroom/shared';

/**
 * A WebSocket class for y-websocket's `WebSocketPolyfill` that presents the link's token as the
 * very first message of every connection (issue 10, `shared/src/protocol/linkToken.ts`), so the
 * token never rides in the websocket URL, where proxies and access logs would keep it.
 *
 * The provider makes a new socket on every (re)connect and sets `onopen` right after
 * constructing it; a listener added in the constructor was added first, and a socket's `open`
 * listeners run in the order they were added (the `onopen` handler takes its place when first
 * set; y-websocket 3.1.0 `setupWS`). So the token goes out before the provider's sync step 1
 * and awareness.
 */
export function webSocketWithLinkToken(token: string, Base: typeof WebSocket = WebSocket): typeof WebSocket {
  // Its own ArrayBuffer, as `send` wants (lib0 may hand out a view of a larger buffer).
  const message = new Uint8Array(encodeLinkToken(token));
  return class LinkTokenWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('open', () => this.send(message));
    }
  };
}
