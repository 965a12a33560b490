import type { Outcome } from "../sinks/http/outcome";

/**
 * The final outcome (accepted or refused) of the last `capacity` event ids, oldest forgotten first: a retried or
 * twice-sent event is answered from here instead of reaching the sinks again, in bounded memory.
 *
 * The order of remembering is kept in a queue of its own: finding a Map's oldest key (`keys().next()`) walks
 * past every entry deleted before it, which on a relay forgetting one id per event cost more than all the rest
 * of a request.
 */
export class RecentOutcomes {
  private readonly outcomes = new Map<string, { outcome: Outcome; turn: number }>();
  // Ids and the turn each was remembered at, oldest first from `head`; an entry whose id was remembered again
  // later is stale and skipped.
  private ids: string[] = [];
  private turns: number[] = [];
  private head = 0;
  private turn = 0;
  constructor(private readonly capacity: number) {}

  get(id: string): Outcome | undefined {
    return this.outcomes.get(id)?.outcome;
  }

  remember(id: string, outcome: Outcome): void {
    if (outcome.status === "retry") return;
    const turn = ++this.turn;
    this.outcomes.set(id, { outcome, turn });
    this.ids.push(id);
    this.turns.push(turn);
    while (this.outcomes.size > this.capacity) {
      const oldest = this.ids[this.head] as string;
      if (this.outcomes.get(oldest)?.turn === this.turns[this.head]) this.outcomes.delete(oldest);
      this.head++;
    }
    // Dropped entries are cut off once they are half the queue, and stale ones once it holds twice the capacity.
    if (this.head * 2 > this.ids.length || this.ids.length > 2 * this.capacity + 16) this.compact();
  }

  private compact(): void {
    const ids: string[] = [];
    const turns: number[] = [];
    for (let i = this.head; i < this.ids.length; i++) {
      const id = this.ids[i] as string;
      if (this.outcomes.get(id)?.turn !== this.turns[i]) continue;
      ids.push(id);
      turns.push(this.turns[i] as number);
    }
    this.ids = ids;
    this.turns = turns;
    this.head = 0;
  }
}
