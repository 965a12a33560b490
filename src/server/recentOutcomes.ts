import type { Outcome } from "../sinks/http/outcome";

/**
 * The final outcome (accepted or refused) of the last `capacity` event ids, oldest forgotten first: a retried or
 * twice-sent event is answered from here instead of reaching the sinks again, in bounded memory.
 */
export class RecentOutcomes {
  private readonly outcomes = new Map<string, Outcome>();
  constructor(private readonly capacity: number) {}

  get(id: string): Outcome | undefined {
    return this.outcomes.get(id);
  }

  remember(id: string, outcome: Outcome): void {
    if (outcome.status === "retry") return;
    this.outcomes.delete(id);
    this.outcomes.set(id, outcome);
    if (this.outcomes.size > this.capacity) {
      const oldest = this.outcomes.keys().next().value as string;
      this.outcomes.delete(oldest);
    }
  }
}
