// The exchange worker thread's entry point (ExchangeWorkers). Node 20 does not apply a loader
// given as `--import` in a worker's execArgv to the worker's own entry file, so the worker
// registers tsx here, in plain JavaScript, and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./exchangeWorker.ts');
