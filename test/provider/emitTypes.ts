// Compile-time checks of `emit`: `tsc -p .` (npm run typecheck) fails when one of these stops holding. Each
// `@ts-expect-error` line must be an error; the others must compile.
import {
  type CopyEvent,
  type Emit,
  type FeedbackEvent,
  type RatingEvent,
  type RegenerateEvent,
  useFeedback,
} from "../../src";
import { createFeedbackClient } from "../../src/provider/feedbackClient";

/** The event each call returns is of its input's type, with no cast. */
export function returnsTheEventOfItsType(emit: Emit) {
  const rating: RatingEvent | null = emit({ type: "rating", value: "up", previous: null });
  const copy: CopyEvent | null = emit({ type: "copy", source: "button", chars: 3, fraction: 1 });
  const regenerate: RegenerateEvent | null = emit({ type: "regenerate", attempt: 2 });
  // A field only a rating has is there without narrowing.
  const value = rating?.value;
  return { copy, regenerate, value };
}

export function refusesWrongPayloads(emit: Emit) {
  // @ts-expect-error a vote is "up", "down" or null
  emit({ type: "rating", value: "sideways", previous: null });
  // @ts-expect-error a copy needs its source, chars and fraction
  emit({ type: "copy", source: "button" });
  // @ts-expect-error `attempt` belongs to regenerate, not to rating
  emit({ type: "rating", value: "up", previous: null, attempt: 1 });
  // @ts-expect-error no such event type
  emit({ type: "thumbs", value: "up" });
  // @ts-expect-error a copy event is not a rating event
  const wrong: RatingEvent | null = emit({ type: "copy", source: "button", chars: 3, fraction: 1 });
  return wrong;
}

export function typedInEveryPlaceThatEmits() {
  const client = createFeedbackClient({
    sink: { name: "none", send: async () => ({ accepted: [], retry: [], rejected: [] }) },
  });
  const edit = client.emit({ type: "abandon", dwellMs: 1200, cause: "hidden" }, { messageId: "m1" });
  const dwell: number | undefined = edit?.dwellMs;
  // An input of any type (a table of samples, say) gives an event of any type.
  const input = { type: "custom", name: "shared" } as const;
  const any: FeedbackEvent | null = client.emit(input, { messageId: "m1" });
  return { dwell, any };
}

export function FromAComponent() {
  const { emit } = useFeedback();
  const event = emit({ type: "custom", name: "shared", value: { channel: "email" } });
  return event?.name ?? null;
}
