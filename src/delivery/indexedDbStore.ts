import {
  isHeldByOtherLiveTab,
  isTakeable,
  type QueueCaps,
  type QueueStore,
  type StoredEvent,
  type TakeResult,
  takeableAt,
} from "./queueStore";

const EVENTS = "events";
const META = "meta";
const TOTALS_KEY = "totals";

interface Totals {
  key: typeof TOTALS_KEY;
  count: number;
  bytes: number;
}

/** An IndexedDB request as a promise. Awaiting it inside a transaction keeps the transaction alive. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Runs `work` in one transaction and resolves with its result once the transaction has committed. */
function transact<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  work: (transaction: IDBTransaction) => Promise<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let transaction: IDBTransaction;
    try {
      transaction = db.transaction(stores, mode);
    } catch (error) {
      reject(error);
      return;
    }
    let result: T;
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB transaction aborted"));
    work(transaction).then(
      (value) => {
        result = value;
      },
      (error) => {
        reject(error);
        try {
          transaction.abort();
        } catch {
          // Already finished: nothing to undo.
        }
      },
    );
  });
}

/** Running totals of the events store, kept beside it so the byte cap never needs a full scan. */
async function readTotals(transaction: IDBTransaction): Promise<Totals> {
  const stored = (await done(transaction.objectStore(META).get(TOTALS_KEY))) as Totals | undefined;
  if (stored) return stored;
  const totals: Totals = { key: TOTALS_KEY, count: 0, bytes: 0 };
  const all = (await done(transaction.objectStore(EVENTS).getAll())) as StoredEvent[];
  for (const record of all) {
    totals.count++;
    totals.bytes += record.bytes;
  }
  return totals;
}

/** Opens (creating if needed) one queue's database; rejects when IndexedDB is missing, blocked or too slow. */
function openDatabase(name: string, timeoutMs: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") {
      reject(new Error("IndexedDB is not available here"));
      return;
    }
    // A private window or a stuck upgrade can leave open() unanswered: give up and fall back to memory.
    const timer = setTimeout(() => reject(new Error(`IndexedDB did not open within ${timeoutMs} ms`)), timeoutMs);
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name, 1);
    } catch (error) {
      clearTimeout(timer);
      reject(error);
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(EVENTS)) db.createObjectStore(EVENTS, { keyPath: "id" });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: "key" });
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      const db = request.result;
      // Another tab upgrading the schema: step aside rather than block it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error);
    };
    request.onblocked = () => {
      clearTimeout(timer);
      reject(new Error("IndexedDB open is blocked by another tab"));
    };
  });
}

/**
 * The queue in IndexedDB, shared by every tab of the origin. Each method is one transaction, and IndexedDB
 * runs read-write transactions on one store one after another, so two tabs never take the same event.
 *
 * @example
 * ```ts
 * const store = await openIndexedDbStore("react-feedback-loop:http /api/feedback");
 * ```
 */
export async function openIndexedDbStore(name: string, timeoutMs = 5000): Promise<QueueStore> {
  const db = await openDatabase(name, timeoutMs);
  return {
    kind: "indexeddb",
    add(records: readonly StoredEvent[], caps: QueueCaps) {
      return transact(db, [EVENTS, META], "readwrite", async (transaction) => {
        const events = transaction.objectStore(EVENTS);
        const totals = await readTotals(transaction);
        let last: Promise<unknown> | undefined;
        for (const record of records) {
          // Ids are new UUIDs: a put never replaces a waiting event, so the totals only grow.
          last = done(events.put(record));
          totals.count++;
          totals.bytes += record.bytes;
        }
        await last;
        let dropped: string[] = [];
        if (totals.count > caps.maxEvents || totals.bytes > caps.maxBytes) {
          const oldest: StoredEvent[] = [];
          let cursor = await done(events.openCursor());
          let count = totals.count;
          let bytes = totals.bytes;
          while (cursor && (count > caps.maxEvents || bytes > caps.maxBytes)) {
            const record = cursor.value as StoredEvent;
            oldest.push(record);
            count--;
            bytes -= record.bytes;
            cursor.delete();
            cursor.continue();
            cursor = await done(cursor.request as IDBRequest<IDBCursorWithValue | null>);
          }
          dropped = oldest.map((record) => record.id);
          totals.count = count;
          totals.bytes = bytes;
        }
        await done(transaction.objectStore(META).put(totals));
        return dropped;
      });
    },
    take(request) {
      return transact(db, [EVENTS], "readwrite", async (transaction): Promise<TakeResult> => {
        const records: StoredEvent[] = [];
        let size = 0;
        let nextAt: number | undefined;
        const heldBy = new Set<string>();
        let cursor = await done(transaction.objectStore(EVENTS).openCursor());
        while (cursor && records.length < request.maxCount) {
          const record = cursor.value as StoredEvent;
          if (isTakeable(record, request)) {
            if (records.length > 0 && size + record.bytes > request.maxBytes) break;
            const held = { ...record, owner: request.owner, leaseUntil: request.leaseUntil };
            cursor.update(held);
            records.push(held);
            size += record.bytes;
          } else if (!request.skip.has(record.id)) {
            nextAt = Math.min(nextAt ?? Infinity, takeableAt(record, request));
            if (isHeldByOtherLiveTab(record, request)) heldBy.add(record.owner);
          }
          cursor.continue();
          cursor = await done(cursor.request as IDBRequest<IDBCursorWithValue | null>);
        }
        return { records, nextAt, heldBy: [...heldBy] };
      });
    },
    update(records) {
      return transact(db, [EVENTS], "readwrite", async (transaction) => {
        const events = transaction.objectStore(EVENTS);
        for (const record of records) {
          const current = (await done(events.get(record.id))) as StoredEvent | undefined;
          if (current) events.put(record);
        }
      });
    },
    remove(ids) {
      return transact(db, [EVENTS, META], "readwrite", async (transaction) => {
        const events = transaction.objectStore(EVENTS);
        const totals = await readTotals(transaction);
        for (const id of ids) {
          const current = (await done(events.get(id))) as StoredEvent | undefined;
          if (!current) continue;
          events.delete(id);
          totals.count--;
          totals.bytes -= current.bytes;
        }
        await done(transaction.objectStore(META).put(totals));
      });
    },
    has(ids) {
      return transact(db, [EVENTS], "readonly", async (transaction) => {
        const events = transaction.objectStore(EVENTS);
        const present = new Set<string>();
        for (const id of ids) {
          if ((await done(events.getKey(id))) !== undefined) present.add(id);
        }
        return present;
      });
    },
    close() {
      db.close();
    },
  };
}
