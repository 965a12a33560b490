// Trace and span ids as a tracing backend would hand them out (32 and 16 lowercase hex characters), but from a
// seeded generator, so that a story shows the same ids on every run and its tests can rely on them.

/** mulberry32: a tiny seeded generator, good enough for ids that only need to look random. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hex(next: () => number, length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(next() * 16).toString(16);
  return out;
}

/** The ids of the `n`th answer of a conversation: message id (`id`), trace id and span id. */
export function answerIds(n: number): { id: string; traceId: string; spanId: string } {
  const next = seeded(n * 7919 + 17);
  return { id: `msg_${hex(next, 12)}`, traceId: hex(next, 32), spanId: hex(next, 16) };
}
