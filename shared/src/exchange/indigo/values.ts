/** A short text with content, trimmed, or undefined (an empty field is left out of the record, never emitted empty). */
export function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** `{ [key]: { value } }` when there is a value, `{}` when not: spread into a part, so a missing value leaves no key. */
export function wrap<K extends string, T>(key: K, value: T | undefined): { [P in K]?: { value: T } } {
  return (value === undefined ? {} : { [key]: { value } }) as { [P in K]?: { value: T } };
}

/** A finite number, or undefined. */
export function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}
