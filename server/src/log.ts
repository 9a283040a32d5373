/** How serious a log line is. */
export type LogLevel = 'info' | 'warn' | 'error';

/** Where the server writes its log lines: one call = one line, with ids as fields. */
export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

/** Writes `level message key=value …` lines to stdout / stderr. */
export const consoleLog: Log = (level, message, fields = {}) => {
  const details = Object.entries(fields)
    .map(([key, value]) => `${key}=${formatValue(value)}`)
    .join(' ');
  const line = `${level} ${message}${details ? ` ${details}` : ''}`;
  if (level === 'info') console.log(line);
  else console.error(line);
};

/** A log that drops everything (benchmarks). */
export const silentLog: Log = () => {};

function formatValue(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.message);
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? String(value);
}
