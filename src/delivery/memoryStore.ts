import {
  isHeldByOtherLiveTab,
  isTakeable,
  overCaps,
  type QueueStore,
  type StoredEvent,
  takeableAt,
} from "./queueStore";

/**
 * Keeps waiting events in this page's memory: used when storage is off, missing, blocked or full. Nothing
 * survives a reload, and no other tab can see these events (so none can send them twice).
 */
export function memoryStore(): QueueStore {
  // Insertion order is emit order (ids are UUID v7 and added in order), which keeps "oldest first" cheap.
  const records = new Map<string, StoredEvent>();
  let bytes = 0;
  const drop = (id: string) => {
    const record = records.get(id);
    if (!record) return;
    bytes -= record.bytes;
    records.delete(id);
  };
  return {
    kind: "memory",
    async add(added, caps) {
      for (const record of added) {
        drop(record.id);
        records.set(record.id, { ...record });
        bytes += record.bytes;
      }
      const dropped = overCaps(records.values(), { count: records.size, bytes }, caps);
      for (const id of dropped) drop(id);
      return dropped;
    },
    async take(request) {
      const taken: StoredEvent[] = [];
      let size = 0;
      let nextAt: number | undefined;
      const heldBy = new Set<string>();
      for (const record of records.values()) {
        if (taken.length >= request.maxCount) break;
        if (!isTakeable(record, request)) {
          if (!request.skip.has(record.id)) nextAt = Math.min(nextAt ?? Infinity, takeableAt(record, request));
          if (isHeldByOtherLiveTab(record, request)) heldBy.add(record.owner);
          continue;
        }
        if (taken.length > 0 && size + record.bytes > request.maxBytes) break;
        record.owner = request.owner;
        record.leaseUntil = request.leaseUntil;
        taken.push({ ...record });
        size += record.bytes;
      }
      return { records: taken, nextAt, heldBy: [...heldBy] };
    },
    async update(updated) {
      for (const record of updated) {
        if (records.has(record.id)) records.set(record.id, { ...record });
      }
    },
    async remove(ids) {
      for (const id of ids) drop(id);
    },
    async has(ids) {
      return new Set(ids.filter((id) => records.has(id)));
    },
    close() {},
  };
}
