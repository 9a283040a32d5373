/**
 * A PostgreSQL URL as it may be printed: host, port and database, never the user's password
 * (DATABASE_URL often carries one). A URL that does not parse is named only as "(unreadable)".
 */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    const database = parsed.pathname.replace(/^\//, '') || '(default database)';
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}/${database}`;
  } catch {
    return '(unreadable URL)';
  }
}
