import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import type { HostAllowlist } from '../network/HostAllowlist.ts';
import type { NetworkFacts } from '../network/NetworkFacts.ts';

/**
 * The one inline style the built client needs: the base style Tiptap 3.31.3 injects as a
 * `<style>` element when an editor is created (`@tiptap/core` src/style.ts: `white-space:
 * pre-wrap` and the like, without which ProseMirror mishandles spaces). Allowed by its hash,
 * so no other inline style is. Should an upgrade change that text, the browser refuses it and
 * says so in the console; the client can instead set Tiptap's `injectCSS: false` and ship the
 * same rules in its own stylesheet, and this hash goes.
 */
const TIPTAP_BASE_STYLE = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='";

/** A Host header that can go into a header value as it is (no spaces, no `;` or `,`). */
const PLAIN_HOST = /^[A-Za-z0-9.\-:[\]]+$/;

/**
 * Security headers on every response — the app, the API, assets, exports and errors —
 * through helmet:
 * - Content-Security-Policy: `default-src 'self'` and only what the built client needs — its
 *   scripts, styles, worker and images from this origin, the live connection (`connect-src`,
 *   below), Tiptap's base style by hash; checked in Chromium on the start page and a case room
 *   with two editors. No one may frame the app (`frame-ancestors 'none'`, X-Frame-Options DENY);
 * - `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` (a link's token never
 *   leaves in a Referer), and helmet's other defaults (COOP/CORP same-origin, …);
 * - HSTS only when the request came over TLS — directly, or through a trusted proxy that says
 *   so in X-Forwarded-Proto (`req.secure`); over plain HTTP it would mean nothing and a stray
 *   HSTS on a LAN address could lock people out. Such requests also get
 *   `upgrade-insecure-requests`.
 */
export function securityHeaders(hosts: HostAllowlist, network: NetworkFacts): RequestHandler {
  const plain = helmet(options(hosts, network, false));
  const secure = helmet(options(hosts, network, true));
  return (req, res, next) => (req.secure ? secure : plain)(req, res, next);
}

function options(hosts: HostAllowlist, network: NetworkFacts, overTls: boolean): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", TIPTAP_BASE_STYLE],
        imgSrc: ["'self'"],
        fontSrc: ["'self'"],
        // The live connection: browsers differ on whether 'self' covers ws:/wss:, so the
        // page's own host and the public URL are named with the websocket scheme.
        connectSrc: ["'self'", (req) => websocketOrigins(req, hosts, network)],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(overTls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: overTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  };
}

/** `ws://host` of the request (when the host is one this server answers to) and of the public URL. */
function websocketOrigins(req: IncomingMessage, hosts: HostAllowlist, network: NetworkFacts): string {
  const origins = new Set<string>();
  if (network.publicUrl) origins.add(network.publicUrl.replace(/^http/, 'ws'));
  const host = req.headers.host;
  if (host && PLAIN_HOST.test(host) && hosts.allowsHost(host)) {
    origins.add(`${(req as Request).secure ? 'wss' : 'ws'}://${host}`);
  }
  return [...origins].join(' ');
}
