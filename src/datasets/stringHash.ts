// cyrb53's running state: hashing several strings in a row gives the hash of their concatenation, without
// building it. Module state instead of an object keeps a hash free of allocations; no hash is ever interleaved.
let h1 = 0;
let h2 = 0;

/** Starts a running `stringHash`: feed it strings with `hashFeed`, read it with `hashFinish`. */
export function hashStart(): void {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
}

/** Adds `text` to the running hash, as if appended to the strings fed before. */
export function hashFeed(text: string): void {
  // Locals in the loop: module variables would be read and written through memory at every character.
  let a = h1;
  let b = h2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 2654435761);
    b = Math.imul(b ^ code, 1597334677);
  }
  h1 = a;
  h2 = b;
}

/** The running hash: `stringHash` of everything fed since `hashStart`. */
export function hashFinish(): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A 53-bit hash of a string (cyrb53): a short stand-in for a long key (a whole prompt) in a set that only
 * answers "seen before?". Two different keys collide with odds near 1 in 2^53.
 */
export function stringHash(text: string): number {
  hashStart();
  hashFeed(text);
  return hashFinish();
}
