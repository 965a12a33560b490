import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { AnswerMessage } from "./AnswerMessage";
import { Composer } from "./Composer";
import { TOPICS, topicFor } from "./script";
import { type StreamSpeed, type Turn, useFakeAssistant } from "./useFakeAssistant";
import "./demo.css";

export interface DemoChatProps {
  /** "typing" streams word by word; "instant" gives whole answers at once (what the tests use). */
  speed?: StreamSpeed;
  /** Questions already asked and answered when the chat opens. */
  initialQuestions?: readonly string[];
}

/** Closer to the bottom than this counts as "at the latest message": the chat keeps following new text. */
const AT_BOTTOM_PX = 48;

/**
 * A chat with a fake assistant, built only from the kit's public API: every answer has the message action
 * bar, and the event log beside it (from Storybook) shows each signal as it is emitted. The conversation
 * scrolls inside its own box, never the page around it.
 */
export function DemoChat({ speed = "typing", initialQuestions = [] }: DemoChatProps) {
  const { turns, ask, regenerate, show, suggest, suggestion, streaming } = useFakeAssistant({
    speed,
    initial: initialQuestions,
  });
  const [announcement, setAnnouncement] = useState("");
  const wasStreaming = useRef(streaming);
  const scroller = useRef<HTMLDivElement>(null);
  // Whether new text should keep the latest message in view: true until the user scrolls up.
  const following = useRef(true);
  const [atLatest, setAtLatest] = useState(true);

  // One announcement per finished answer, never per token: screen readers hear the end, not the stream.
  useEffect(() => {
    if (wasStreaming.current && !streaming) setAnnouncement(`Answer ready (${countAnswers(turns)} so far).`);
    if (!wasStreaming.current && streaming) setAnnouncement("The assistant is answering…");
    wasStreaming.current = streaming;
  }, [streaming, turns]);

  const toLatest = useCallback(() => {
    const box = scroller.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, []);

  // A new question jumps to the end; streamed text follows only while the user is at the end.
  const turnCount = turns.length;
  const lastTurnCount = useRef(0);
  useLayoutEffect(() => {
    if (turnCount > lastTurnCount.current) following.current = true;
    lastTurnCount.current = turnCount;
    if (following.current) toLatest();
  });

  const onScroll = () => {
    const box = scroller.current;
    if (!box) return;
    const atEnd = box.scrollHeight - box.scrollTop - box.clientHeight <= AT_BOTTOM_PX;
    following.current = atEnd;
    setAtLatest(atEnd);
  };

  /** Scrolls the conversation box, not the page, so that the top of `element` is in view. */
  const reveal = useCallback((element: HTMLElement) => {
    const box = scroller.current;
    if (!box) return;
    following.current = false;
    const offset = element.getBoundingClientRect().top - box.getBoundingClientRect().top;
    if (offset < 0 || offset > box.clientHeight - 48) box.scrollTop += offset - 8;
  }, []);

  return (
    <section className="demo-chat" aria-labelledby="demo-chat-title">
      <header className="demo-header">
        <h2 id="demo-chat-title">Acme Assistant</h2>
        <p>
          Rate, copy, regenerate or edit any answer, or edit a suggested follow-up before sending it, and watch each
          event arrive in the log.
        </p>
      </header>
      <div className="demo-scroller" ref={scroller} onScroll={onScroll}>
        <ol className="demo-log" aria-label="Conversation">
          {turns.map((turn, position) => (
            <li key={turn.id} className={`demo-turn demo-turn--${turn.role}`}>
              {turn.role === "user" ? (
                <article className="demo-question" aria-label="You asked">
                  <p>{turn.text}</p>
                </article>
              ) : (
                <AnswerMessage
                  turn={turn}
                  // The user asked something after it: the conversation went on from the answer shown.
                  continued={position < turns.length - 1}
                  onRegenerate={() => regenerate(turn.id)}
                  onShow={(index) => show(turn.id, index)}
                  reveal={reveal}
                />
              )}
            </li>
          ))}
        </ol>
        {!atLatest && (
          <button
            type="button"
            className="demo-jump"
            onClick={() => {
              following.current = true;
              toLatest();
            }}
          >
            <span aria-hidden="true">↓</span> Jump to latest
          </button>
        )}
      </div>
      <p role="status" className="demo-sr">
        {announcement}
      </p>
      <Composer
        busy={streaming}
        onAsk={(question) => void ask(question)}
        topics={notAskedYet(turns)}
        suggestion={suggestion}
        onSuggest={turns.length > 0 ? suggest : undefined}
      />
    </section>
  );
}

function countAnswers(turns: readonly Turn[]) {
  return turns.filter((turn) => turn.role === "assistant").length;
}

/** The suggested questions whose topic the conversation has not touched yet. */
function notAskedYet(turns: readonly Turn[]) {
  const asked = new Set(turns.flatMap((turn) => (turn.role === "user" ? [topicFor(turn.text)] : [])));
  return TOPICS.filter((topic) => !asked.has(topic));
}
