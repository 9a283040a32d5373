import pino, { type DestinationStream, type Logger } from 'pino';
import { REDACTED, redactSecrets } from './network/redactSecrets.ts';

/** How serious a log line is. */
export type LogLevel = 'info' | 'warn' | 'error';

/** Where the server writes its log lines: one call = one line, with ids as fields. */
export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

/** A link token (`cr1_…`) or an organisation key (`crk1_…`) anywhere in a text. */
const SECRET_VALUE = /\bcrk?1_[A-Za-z0-9_-]{16,}/g;
/** Field names whose values are secrets whatever they hold. */
const SECRET_FIELD = /^(token|key|organisationKey|password|authorization|cookie)$/i;
/** How deep field values are cleaned (a log line's fields are flat; deeper is cut). */
const MAX_DEPTH = 4;

/**
 * A `Log` writing one JSON line per call with pino: `level` (info/warn/error), `time` (ISO),
 * `pid`, `msg` and the fields. Errors become `{ type, message, stack }`. Secrets never
 * reach a line: a token or key in any text is replaced, a URL's `?token=`/`?…key=` values too
 * (`redactSecrets`), and fields named like secrets are dropped to `[redacted]`. Info goes to
 * `info`, warnings and errors to `problems` (stdout and stderr, as before).
 */
export function jsonLog(info: DestinationStream, problems: DestinationStream = info): Log {
  const options = {
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  const toInfo: Logger = pino(options, info);
  const toProblems: Logger = problems === info ? toInfo : pino(options, problems);
  return (level, message, fields = {}) => {
    const logger = level === 'info' ? toInfo : toProblems;
    logger[level](clean(fields, 0) as Record<string, unknown>, cleanText(message));
  };
}

/** One JSON line per call on stdout (info) and stderr (warnings, errors), written at once (sync), in order with console output. */
export const consoleLog: Log = jsonLog(
  pino.destination({ dest: 1, sync: true }),
  pino.destination({ dest: 2, sync: true }),
);

/** A log that drops everything (benchmarks). */
export const silentLog: Log = () => {};

function cleanText(text: string): string {
  const redacted = text.replace(SECRET_VALUE, REDACTED);
  return /^(\/|[a-z][a-z+.-]*:\/\/)\S*\?/i.test(redacted) ? redactSecrets(redacted) : redacted;
}

function clean(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (value instanceof Error) {
    const error: Record<string, unknown> = {
      type: value.name,
      message: cleanText(value.message),
      stack: value.stack === undefined ? undefined : cleanText(value.stack),
    };
    const code = (value as NodeJS.ErrnoException).code;
    if (code !== undefined) error.code = code;
    return error;
  }
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_FIELD.test(key) ? REDACTED : clean(item, depth + 1)]),
  );
}
