import { config } from 'zod';

/**
 * The app's Content-Security-Policy allows no `eval` (script-src 'self', issue 10). zod 4
 * probes for it once with `new Function('')` to compile fast parsers, which the browser
 * reports as a CSP violation; jitless mode skips the probe and parses without compiling.
 * Imported first by main.tsx, before any schema parses.
 */
config({ jitless: true });
