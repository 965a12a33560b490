/**
 * Keeps the `limit` items that rank first by `before`, whatever the number offered: the "worth a look" lists and
 * the example comments stay the same size over a million events.
 */
export class KeepTop<T> {
  private items: T[] = [];

  constructor(
    private readonly limit: number,
    /** True when `a` should be listed before `b`. */
    private readonly before: (a: T, b: T) => boolean,
  ) {}

  offer(item: T): void {
    if (this.limit <= 0) return;
    if (this.items.length === this.limit && !this.before(item, this.items[this.items.length - 1] as T)) return;
    let at = this.items.length;
    while (at > 0 && this.before(item, this.items[at - 1] as T)) at--;
    this.items.splice(at, 0, item);
    if (this.items.length > this.limit) this.items.pop();
  }

  /** The first kept item that `match` finds, to update in place. */
  find(match: (item: T) => boolean): T | undefined {
    return this.items.find(match);
  }

  list(): T[] {
    return this.items.slice();
  }
}
