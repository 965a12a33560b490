// Fresh ids for every answer, shaped as a tracing backend hands them out (a 32-hex-character trace id, a
// 16-character span id), so that events from separate visits never share an id in a collector's file.

const hex = () => crypto.randomUUID().replaceAll("-", "");

/** A new message id (`id`), trace id and span id. */
export function freshIds(): { id: string; traceId: string; spanId: string } {
  return { id: `msg_${crypto.randomUUID()}`, traceId: hex(), spanId: hex().slice(0, 16) };
}
