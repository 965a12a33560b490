// The two lists the widgets-render benchmark compares. Imported only after the benchmark has set up a DOM and
// chosen React's profiling build, so this file's JSX runtime is the production one.
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
