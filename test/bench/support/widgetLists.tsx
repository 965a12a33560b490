// The lists the widgets-render benchmark compares, bundled into a page that runs in Chromium with React's
// production (profiling) build.
import { Profiler, useState } from "react";
import {
  CopyButton,
  FeedbackMessage,
  FeedbackProvider,
  memorySink,
  RegenerateButton,
  ThumbsFeedback,
} from "../../../src";

export interface ListProps {
  messages: { id: string; text: string }[];
  /** Called by each message's <Profiler> with the message id on every render of its widgets. */
  onRender: (id: string) => void;
}

/** Each message in a FeedbackMessage with thumbs, copy and regenerate: the way an app uses the kit. */
export function KitList({ messages, onRender, tooltips = true }: ListProps & { tooltips?: boolean }) {
  return (
    <FeedbackProvider sink={memorySink()}>
      {messages.map((message) => (
        <FeedbackMessage key={message.id} messageId={message.id} content={message.text}>
          <p>{message.text}</p>
          <Profiler id={message.id} onRender={onRender}>
            <ThumbsFeedback followUpOn={[]} tooltips={tooltips} />
            <CopyButton tooltip={tooltips} />
            <RegenerateButton tooltip={tooltips} onRegenerate={() => {}} />
          </Profiler>
        </FeedbackMessage>
      ))}
    </FeedbackProvider>
  );
}

/** The same, tooltips off: what the tooltips add while none has been hovered or focused yet. */
export function KitListWithoutTooltips(props: ListProps) {
  return <KitList {...props} tooltips={false} />;
}

type Rating = "up" | "down" | null;

function NaiveRow({ text, rating, onRate }: { text: string; rating: Rating; onRate: (value: Rating) => void }) {
  return (
    <div>
      <p>{text}</p>
      <button type="button" aria-label="Good response" aria-pressed={rating === "up"} onClick={() => onRate("up")}>
        +
      </button>
      <button type="button" aria-label="Bad response" aria-pressed={rating === "down"} onClick={() => onRate("down")}>
        -
      </button>
      <button type="button">Copy</button>
      <button type="button">Regenerate</button>
    </div>
  );
}

/** The peer: every rating in the parent's state, rows not memoized, so one vote renders every row. */
export function NaiveList({ messages, onRender }: ListProps) {
  const [ratings, setRatings] = useState<Record<string, Rating>>({});
  return (
    <>
      {messages.map((message) => (
        <Profiler key={message.id} id={message.id} onRender={onRender}>
          <NaiveRow
            text={message.text}
            rating={ratings[message.id] ?? null}
            onRate={(value) =>
              setRatings((current) => ({ ...current, [message.id]: current[message.id] === value ? null : value }))
            }
          />
        </Profiler>
      ))}
    </>
  );
}

/** A plain icon: what any chat kit draws inside an action button. */
function PlainIcon() {
  return (
    <svg
      aria-hidden="true"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M7 10v12" />
      <path d="M15 5.88 14 10h5.83a2 2 0 0 1 1.92 2.56l-2.33 8A2 2 0 0 1 17.5 22H4a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h2.76" />
    </svg>
  );
}

const PLAIN_ACTIONS = ["Good response", "Bad response", "Copy", "Regenerate"];

/** The peer for mounting: the same messages with four plain icon buttons each, a `<button>` around an SVG. */
export function PlainList({ messages, onRender }: ListProps) {
  return (
    <>
      {messages.map((message) => (
        <div key={message.id}>
          <p>{message.text}</p>
          <Profiler id={message.id} onRender={onRender}>
            {PLAIN_ACTIONS.map((label) => (
              <button key={label} type="button" aria-label={label}>
                <PlainIcon />
              </button>
            ))}
          </Profiler>
        </div>
      ))}
    </>
  );
}
