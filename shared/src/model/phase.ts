import { z } from 'zod';

/** The workshop's three phases (docs/product.md). */
export const PHASES = [1, 2, 3] as const;
export const Phase = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Phase = z.infer<typeof Phase>;
