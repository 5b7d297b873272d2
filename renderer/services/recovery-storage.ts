/**
 * Where autosaves live between sessions: IndexedDB, because a long document with its suggestions and
 * routing records outgrows localStorage's few megabytes. One record, replaced on every autosave.
 */
const DATABASE = 'neko-studio';
const STORE = 'recovery';
const KEY = 'latest';

export interface RecoveryStorage {
  save(serialized: string): Promise<void>;
  load(): Promise<string | null>;
  clear(): Promise<void>;
}

export function createIndexedDbRecoveryStorage(indexedDb: IDBFactory = indexedDB): RecoveryStorage {
  let database: Promise<IDBDatabase> | undefined;

  function open(): Promise<IDBDatabase> {
    database ??= new Promise((resolve, reject) => {
      const request = indexedDb.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () =>
        reject(request.error ?? new Error('cannot open the recovery database'));
    });
    return database;
  }

  async function run<T>(
    mode: IDBTransactionMode,
    action: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> {
    const transaction = (await open()).transaction(STORE, mode);
    const request = action(transaction.objectStore(STORE));
    return new Promise((resolve, reject) => {
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('recovery storage failed'));
      transaction.onabort = () =>
        reject(transaction.error ?? new Error('recovery storage aborted'));
    });
  }

  return {
    async save(serialized) {
      await run('readwrite', (store) => store.put(serialized, KEY));
    },
    async load() {
      const value = await run<unknown>('readonly', (store) => store.get(KEY));
      return typeof value === 'string' ? value : null;
    },
    async clear() {
      await run('readwrite', (store) => store.delete(KEY));
    },
  };
}
