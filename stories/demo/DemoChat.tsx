import { useEffect, useRef, useState } from "react";
import { AnswerMessage } from "./AnswerMessage";
import { Composer } from "./Composer";
import { type StreamSpeed, useFakeAssistant } from "./useFakeAssistant";
import "./demo.css";

export interface DemoChatProps {
  /** "typing" streams word by word; "instant" gives whole answers at once (what the tests use). */
  speed?: StreamSpeed;
  /** Questions already asked and answered when the chat opens. */
  initialQuestions?: readonly string[];
}

/**
 * A chat with a fake assistant, built only from the kit's public API: every answer has every widget, and the
 * event log beside it (from Storybook) shows each signal as it is emitted.
 */
export function DemoChat({ speed = "typing", initialQuestions = [] }: DemoChatProps) {
  const { turns, ask, regenerate, suggest, suggestion, streaming } = useFakeAssistant({
    speed,
    initial: initialQuestions,
  });
  const [announcement, setAnnouncement] = useState("");
  const wasStreaming = useRef(streaming);
  const log = useRef<HTMLOListElement>(null);

  // One announcement per finished answer, never per token: screen readers hear the end, not the stream.
  useEffect(() => {
    if (wasStreaming.current && !streaming) setAnnouncement(`Answer ready (${countAnswers(turns)} so far).`);
    if (!wasStreaming.current && streaming) setAnnouncement("The assistant is answering…");
    wasStreaming.current = streaming;
  }, [streaming, turns]);

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView?.({ block: "nearest" });
  }, [turns.length]);

  return (
    <section className="demo-chat" aria-labelledby="demo-chat-title">
      <header className="demo-header">
        <h2 id="demo-chat-title">Acme Assistant</h2>
        <p>
          Rate, copy, regenerate or edit any answer, or edit a suggested follow-up before sending it, and watch each
          event arrive in the log.
        </p>
      </header>
      <ol ref={log} className="demo-log" aria-label="Conversation">
        {turns.map((turn) => (
          <li key={turn.id} className={`demo-turn demo-turn--${turn.role}`}>
            {turn.role === "user" ? (
              <article className="demo-question" aria-label="You asked">
                <p>{turn.text}</p>
              </article>
            ) : (
              <AnswerMessage answer={turn} onRegenerate={() => regenerate(turn.id)} />
            )}
          </li>
        ))}
      </ol>
      <p role="status" className="demo-announcer">
        {announcement}
      </p>
      <Composer
        busy={streaming}
        onAsk={(question) => void ask(question)}
        suggestion={suggestion}
        onSuggest={turns.length > 0 ? suggest : undefined}
      />
    </section>
  );
}

function countAnswers(turns: ReturnType<typeof useFakeAssistant>["turns"]) {
  return turns.filter((turn) => turn.role === "assistant").length;
}
