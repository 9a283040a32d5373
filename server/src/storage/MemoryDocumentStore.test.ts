import { MemoryDocumentStore } from './MemoryDocumentStore.ts';
import { storageContractSuite } from './storageContractSuite.ts';

storageContractSuite('MemoryDocumentStore', () => {
  const store = new MemoryDocumentStore();
  return { store, openSecond: () => store.sibling() };
});
