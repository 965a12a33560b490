/**
 * An edit script over two sequences, as runs: `ops[i]` is 0 (keep: one from each side), -1 (remove one from
 * the first) or 1 (add one from the second), repeated `counts[i]` times. Adjacent runs of one op are merged.
 */
export interface EditScript {
  ops: number[];
  counts: number[];
}

export function emptyScript(): EditScript {
  return { ops: [], counts: [] };
}

/** Appends `count` steps of `op` to the script, merging with the last run when it is the same op. */
export function pushRun(script: EditScript, op: -1 | 0 | 1, count: number): void {
  if (count <= 0) return;
  const last = script.ops.length - 1;
  if (last >= 0 && script.ops[last] === op) script.counts[last] = (script.counts[last] as number) + count;
  else {
    script.ops.push(op);
    script.counts.push(count);
  }
}
