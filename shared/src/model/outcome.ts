import { z } from 'zod';
import { Count, FiniteNumber, Id, Money, OrderKey, Rate, SourceNotes } from './primitives.ts';

/** Whether a higher or a lower measured value is the improvement. */
export const DIRECTIONS = ['higher', 'lower'] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

/** P7: pay for every achieved outcome, or only for those above the baseline. */
export const PAYMENT_BASES = ['all', 'additional'] as const;
export const PaymentBasis = z.enum(PAYMENT_BASES);
export type PaymentBasis = z.infer<typeof PaymentBasis>;

export const OutcomeDraft = z.object({
  id: Id,
  order: OrderKey,
  name: z.string().optional(),
  definition: z.string().optional(),
  direction: Direction.optional(),
  dataSource: z.string().optional(),
  measurementMethod: z.string().optional(),
  baselineRate: FiniteNumber.optional(),
  expectedRate: FiniteNumber.optional(),
  attribution: FiniteNumber.optional(),
  lagYears: FiniteNumber.optional(),
  durationYears: FiniteNumber.optional(),
  persistence: FiniteNumber.optional(),
  /** Yearly public value of one achieved outcome, per department id. */
  valuePerDepartment: z.record(z.string(), FiniteNumber),
  pricePerOutcome: FiniteNumber.optional(),
  paymentBasis: PaymentBasis.optional(),
  sources: SourceNotes,
});
export type OutcomeDraft = z.infer<typeof OutcomeDraft>;

export const Outcome = OutcomeDraft.extend({
  name: z.string().min(1),
  definition: z.string().min(1),
  direction: Direction,
  dataSource: z.string().min(1),
  baselineRate: Rate,
  expectedRate: Rate,
  attribution: Rate,
  lagYears: Count,
  durationYears: Count.min(1),
  persistence: Rate,
  valuePerDepartment: z.record(z.string(), Money),
  pricePerOutcome: Money,
  paymentBasis: PaymentBasis,
});
export type Outcome = z.infer<typeof Outcome>;
