// Exact while the set is small (every fixture, most teams' week), then a HyperLogLog of 2^14 registers:
// 16 KiB whatever the input's size, with a standard error near 0.8%.
const EXACT_LIMIT = 10_000;
const PRECISION = 14;
const REGISTERS = 1 << PRECISION;

/** A 32-bit FNV-1a hash with a murmur3 finish: cheap per character, and its bits well mixed for the sketch. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Counts distinct strings in bounded memory: exactly up to 10,000, estimated beyond. */
export class DistinctCounter {
  private exact: Set<string> | null = new Set();
  private registers: Uint8Array | null = null;

  add(value: string): void {
    if (this.exact) {
      this.exact.add(value);
      if (this.exact.size > EXACT_LIMIT) this.toSketch();
      return;
    }
    this.addToSketch(value);
  }

  /** True once the count is an estimate. */
  get estimated(): boolean {
    return this.exact === null;
  }

  count(): number {
    if (this.exact) return this.exact.size;
    const registers = this.registers as Uint8Array;
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < REGISTERS; i++) {
      const rank = registers[i] as number;
      sum += 2 ** -rank;
      if (rank === 0) zeros++;
    }
    const alpha = 0.7213 / (1 + 1.079 / REGISTERS);
    const raw = (alpha * REGISTERS * REGISTERS) / sum;
    // Linear counting is the better estimate while many registers are still empty.
    const estimate = raw <= 2.5 * REGISTERS && zeros > 0 ? REGISTERS * Math.log(REGISTERS / zeros) : raw;
    return Math.round(estimate);
  }

  private toSketch(): void {
    this.registers = new Uint8Array(REGISTERS);
    for (const value of this.exact as Set<string>) this.addToSketch(value);
    this.exact = null;
  }

  private addToSketch(value: string): void {
    const hash = hash32(value);
    // The top PRECISION bits pick a register; the rank is the position of the first set bit in the other 18
    // (a guard bit caps it at 19, far above what 2^32 distinct values reach).
    const index = hash >>> (32 - PRECISION);
    const rank = Math.clz32(((hash << PRECISION) | (1 << (PRECISION - 1))) >>> 0) + 1;
    const registers = this.registers as Uint8Array;
    if (rank > (registers[index] as number)) registers[index] = rank;
  }
}
