import { accessContract } from './accessContract.ts';
import { activityContract } from './activityContract.ts';
import { ballotContract } from './ballotContract.ts';
import { catalogueContract } from './catalogueContract.ts';
import { clientIdContract } from './clientIdContract.ts';
import type { OpenStores } from './contractFixtures.ts';
import { libraryContract } from './libraryContract.ts';
import { lifecycleContract } from './lifecycleContract.ts';
import { organisationContract } from './organisationContract.ts';
import { ownershipContract } from './ownershipContract.ts';
import { snapshotContract } from './snapshotContract.ts';
import { storesContract } from './storesContract.ts';
import { type UpdateLogContractOptions, updateLogContract } from './updateLogContract.ts';

/**
 * Every store's contract on one engine (tldraw's storageContractSuite pattern, one suite per
 * store): an engine that passes them all can back Caseroom. `open` must hand each test a fresh,
 * empty database.
 */
export function storeContracts(engineName: string, open: OpenStores, options: UpdateLogContractOptions): void {
  storesContract(engineName, open);
  catalogueContract(engineName, open);
  updateLogContract(engineName, open, options);
  accessContract(engineName, open);
  ballotContract(engineName, open);
  snapshotContract(engineName, open);
  activityContract(engineName, open);
  clientIdContract(engineName, open);
  organisationContract(engineName, open);
  ownershipContract(engineName, open, options);
  lifecycleContract(engineName, open);
  libraryContract(engineName, open);
}
