import { MemoryDocumentStore } from './MemoryDocumentStore.ts';
import { storageContractSuite } from './storageContractSuite.ts';

storageContractSuite('MemoryDocumentStore', () => ({ store: new MemoryDocumentStore() }));
