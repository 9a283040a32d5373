import { accessEndpoints } from './accessEndpoints.ts';
import { casesEndpoints } from './casesEndpoints.ts';
import type { Endpoint } from './endpoint.ts';
import { exchangeEndpoints } from './exchangeEndpoints.ts';
import { historyEndpoints } from './historyEndpoints.ts';
import { libraryEndpoints } from './libraryEndpoints.ts';
import { lifecycleEndpoints } from './lifecycleEndpoints.ts';
import { portfolioEndpoints } from './portfolioEndpoints.ts';
import { workshopEndpoints } from './workshopEndpoints.ts';

/**
 * Every endpoint of the server's `/api`, by name: the one table the routers register from and
 * the client calls through (`api.me`, `api.setPhase`, …). A unit test in the server checks that
 * the routers register exactly these.
 */
export const api = {
  ...casesEndpoints,
  ...accessEndpoints,
  ...workshopEndpoints,
  ...historyEndpoints,
  ...exchangeEndpoints,
  ...portfolioEndpoints,
  ...lifecycleEndpoints,
  ...libraryEndpoints,
} as const;
export type EndpointName = keyof typeof api;

/** The table as a list. */
export const ALL_ENDPOINTS: readonly Endpoint[] = Object.values(api);
