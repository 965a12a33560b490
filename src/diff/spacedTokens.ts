import { HASH_START, hashRange, hashStep, type TokenInterner } from "./tokenInterner";
import { APOSTROPHE, ASCII_CLASS, isSpaceToken, tokenEnd } from "./tokenize";

/**
 * Text split into non-whitespace tokens, each with the whitespace before it: for token i (of `count`), the
 * whitespace before it is `[starts[i], tokenStarts[i])` and the token `[tokenStarts[i], starts[i + 1])`;
 * `starts[count]` is where the trailing whitespace begins and `starts[count + 1]` where the range ends. So a
 * run of tokens with their whitespace is one slice, `text.slice(starts[from], starts[to])`. `ids[i]` is the
 * token's interned id. The diff compares tokens only, so unrelated texts do not look alike merely because
 * both are half spaces.
 */
export interface SpacedTokens {
  count: number;
  ids: Int32Array;
  starts: Int32Array;
  tokenStarts: Int32Array;
}

/** Tokenizes `text[from, to)`, where `from` and `to` are token boundaries of the whole text. */
export function tokenizeSpaced(text: string, interner: TokenInterner, from = 0, to = text.length): SpacedTokens {
  // About one token in five characters in prose; grown by doubling when a text has more.
  let capacity = ((to - from) >> 2) + 8;
  let ids: Int32Array = new Int32Array(capacity);
  let starts: Int32Array = new Int32Array(capacity + 2);
  let tokenStarts: Int32Array = new Int32Array(capacity);
  let count = 0;
  let spaceStart = from;
  let start = from;
  while (start < to) {
    const first = text.charCodeAt(start);
    const kind = first < 128 ? ASCII_CLASS[first] : -1;
    if (kind === 1) {
      start++;
      continue;
    }
    // The ASCII fast path of `tokenEnd`, hashing as it scans; what it cannot settle goes to `tokenEnd`.
    let end = start + 1;
    let hash = hashStep(HASH_START, first);
    if (kind === 2) {
      for (;;) {
        let code = text.charCodeAt(end);
        while (end < to && code < 128 && ASCII_CLASS[code] === 2) {
          hash = hashStep(hash, code);
          code = text.charCodeAt(++end);
        }
        if (code === APOSTROPHE && end + 1 < to && ASCII_CLASS[text.charCodeAt(end + 1)] === 2) {
          hash = hashStep(hashStep(hash, APOSTROPHE), text.charCodeAt(end + 1));
          end += 2;
        } else break;
      }
    }
    const next = end < to ? text.charCodeAt(end) : 0;
    if (kind === -1 || next >= 128 || (next === APOSTROPHE && end + 1 < to && text.charCodeAt(end + 1) >= 128)) {
      end = Math.min(tokenEnd(text, start), to);
      if (isSpaceToken(text, start)) {
        start = end;
        continue;
      }
      hash = hashRange(text, start, end);
    }
    if (count === capacity) {
      capacity *= 2;
      ids = grown(ids, capacity);
      starts = grown(starts, capacity + 2);
      tokenStarts = grown(tokenStarts, capacity);
    }
    starts[count] = spaceStart;
    tokenStarts[count] = start;
    ids[count] = interner.idOf(text, start, end, hash);
    count++;
    spaceStart = end;
    start = end;
  }
  starts[count] = spaceStart;
  starts[count + 1] = to;
  return { count, ids: ids.subarray(0, count), starts, tokenStarts };
}

function grown(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
