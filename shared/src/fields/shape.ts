import type { z } from 'zod';

type Schemas = Record<string, { draft: z.ZodType; complete: z.ZodType }>;

/** A container's fields as a zod object shape for a draft (what every document satisfies). */
export function draftShape<F extends Schemas>(fields: F): { [K in keyof F]: F[K]['draft'] } {
  return Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, spec.draft])) as never;
}

/** A container's fields as a zod object shape for a complete case. */
export function completeShape<F extends Schemas>(fields: F): { [K in keyof F]: F[K]['complete'] } {
  return Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, spec.complete])) as never;
}
