// The exchange worker thread's entry point (ExchangeWorkers). Node 20 does not apply a loader
// given as `--import` in a worker's execArgv to the worker's own entry file, so the worker
// registers tsx here, in plain JavaScript, and then loads the TypeScript worker. Only for the
// TypeScript sources (tests, `pnpm dev:server`): the compiled server (server/dist) starts
// exchangeWorker.js directly and never loads tsx (ExchangeWorkers' WORKER_ENTRY).
import { register } from 'tsx/esm/api';

register();
await import('./exchangeWorker.ts');
