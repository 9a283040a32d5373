import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The link's token, sent by the Caseroom client as the first message on its websocket
 * (issue 10): message type 101 followed by the token as a varString. The token never rides in
 * the websocket URL, where proxies and access logs would keep it. Until this message arrives
 * the server admits nothing else on the socket; a socket that has not sent it within a few
 * seconds is closed (Unauthorized). Stock y-websocket clients may still send `?token=` in the
 * URL (docs/access.md: a compatibility path whose query the proxy must not log).
 */
export const MESSAGE_LINK_TOKEN = 101;

/** The bytes of a link-token message. */
export function encodeLinkToken(token: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_LINK_TOKEN);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** The token in a link-token message, or undefined when the bytes are not one (or the token is over 256 chars). */
export function decodeLinkToken(bytes: Uint8Array): string | undefined {
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== MESSAGE_LINK_TOKEN) return undefined;
    const token = decoding.readVarString(decoder);
    if (decoding.hasContent(decoder) || token.length === 0 || token.length > 256) return undefined;
    return token;
  } catch {
    return undefined;
  }
}
