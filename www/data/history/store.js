// The checks a reader keeps, in this browser's IndexedDB (database
// "retention-metrics", object store "checks"): each record is an analysis
// report with when it was kept, the file's name and the options it was run
// with, and the file itself only when the reader asked for it. Nothing here
// ever leaves the device. Where IndexedDB is missing or refuses (a private
// window, some file:// pages), the same calls work on a list in memory, and
// `persistent` says the checks end with the page.

const DATABASE = "retention-metrics";
const STORE = "checks";
const VERSION = 1;

/** A request's outcome as a promise. */
function settled(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A record as the list gives it: without the file's bytes, with whether it has them. */
function withoutFile({ file, ...record }) {
  return { ...record, hasFile: Boolean(file) };
}

function openDatabase(indexedDB) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer page in another tab wants to change the database: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    // Another tab holds an older version open and does not let go.
    request.onblocked = () => reject(new Error("blocked"));
  });
}

function databaseStore(db) {
  /** Runs `work(store)` in one transaction; resolves with its result once the transaction is done. */
  function inTransaction(mode, work) {
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      let result;
      Promise.resolve(work(transaction.objectStore(STORE))).then((value) => { result = value; }, reject);
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error || new Error("aborted"));
    });
  }

  return {
    persistent: true,
    /** Every check, newest first (ids grow with each one kept), without file bytes. */
    list: () => inTransaction("readonly", (store) => new Promise((resolve, reject) => {
      const records = [];
      const request = store.openCursor(null, "prev");
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve(records);
        records.push(withoutFile(cursor.value));
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    })),
    /** One check with its file, or null when it is gone. */
    get: (id) => inTransaction("readonly", (store) => settled(store.get(id))).then((record) => record ?? null),
    /** Keeps a check; resolves with its new id. */
    add: (record) => inTransaction("readwrite", (store) => settled(store.add(record))),
    remove: (id) => inTransaction("readwrite", (store) => settled(store.delete(id))).then(() => undefined),
    clear: () => inTransaction("readwrite", (store) => settled(store.clear())).then(() => undefined),
  };
}

/** The same calls on a list that lasts as long as the page. Records are copied in and out, as IndexedDB does. */
export function memoryStore() {
  const records = [];
  let nextId = 1;
  return {
    persistent: false,
    list: async () => records.slice().reverse().map((record) => withoutFile(structuredClone(record))),
    get: async (id) => {
      const record = records.find((r) => r.id === id);
      return record ? structuredClone(record) : null;
    },
    add: async (record) => {
      const id = nextId++;
      records.push({ ...structuredClone(record), id });
      return id;
    },
    remove: async (id) => {
      const at = records.findIndex((r) => r.id === id);
      if (at >= 0) records.splice(at, 1);
    },
    clear: async () => {
      records.length = 0;
    },
  };
}

/**
 * The checks store: IndexedDB when the browser lets the page use it, else
 * the in-memory one (`persistent: false`). Never rejects.
 * @returns {Promise<{ persistent, list(), get(id), add(record), remove(id), clear() }>}
 */
export async function openCheckStore() {
  try {
    // Reading the property itself throws where storage is forbidden.
    const indexedDB = globalThis.indexedDB;
    if (!indexedDB) return memoryStore();
    return databaseStore(await openDatabase(indexedDB));
  } catch {
    return memoryStore();
  }
}
