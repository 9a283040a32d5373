import { z } from 'zod';
import { Count, FiniteNumber, Id, OrderKey, Rate, SourceNotes } from './primitives.ts';

/** Where a department sits; only municipal departments make up "the authority" (P12). */
export const DEPARTMENT_LEVELS = ['municipal', 'regional', 'state', 'other'] as const;
export const DepartmentLevel = z.enum(DEPARTMENT_LEVELS);
export type DepartmentLevel = z.infer<typeof DepartmentLevel>;

/** The workshop's three phases (docs/product.md). */
export const PHASES = [1, 2, 3] as const;
export const Phase = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Phase = z.infer<typeof Phase>;

export const DepartmentDraft = z.object({
  id: Id,
  order: OrderKey,
  name: z.string().optional(),
  level: DepartmentLevel.optional(),
});
export type DepartmentDraft = z.infer<typeof DepartmentDraft>;

export const Department = DepartmentDraft.extend({
  name: z.string().min(1),
  level: DepartmentLevel,
});
export type Department = z.infer<typeof Department>;

export const PartnersDraft = z.object({
  authority: z.string().optional(),
  provider: z.string().optional(),
  investor: z.string().optional(),
  guarantor: z.string().optional(),
});

/** Case facts: who, where, when, and the economic frame every figure is priced in. */
export const FactsDraft = z.object({
  title: z.string().optional(),
  municipality: z.string().optional(),
  partners: PartnersDraft,
  currency: z.string().optional(),
  priceYear: FiniteNumber.optional(),
  startYear: FiniteNumber.optional(),
  horizonYears: FiniteNumber.optional(),
  discountRate: FiniteNumber.optional(),
  phase: FiniteNumber.optional(),
  departments: z.array(DepartmentDraft),
  sources: SourceNotes,
});
export type FactsDraft = z.infer<typeof FactsDraft>;

export const Facts = FactsDraft.extend({
  title: z.string().min(1),
  municipality: z.string().min(1),
  partners: PartnersDraft.extend({ authority: z.string().min(1) }),
  currency: z.string().min(1),
  priceYear: Count,
  startYear: Count,
  horizonYears: Count.min(1).max(50),
  discountRate: Rate,
  phase: Phase,
  departments: z.array(Department).min(1),
});
export type Facts = z.infer<typeof Facts>;
