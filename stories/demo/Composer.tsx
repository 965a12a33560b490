import { type FormEvent, type KeyboardEvent, useId, useState } from "react";
import { TOPICS } from "./script";

/** Where the user asks: a text area (Enter sends, Shift+Enter adds a line) and suggested questions. */
export function Composer({ busy, onAsk }: { busy: boolean; onAsk: (question: string) => void }) {
  const [question, setQuestion] = useState("");
  const hintId = useId();
  const send = (text: string) => {
    if (busy || !text.trim()) return;
    onAsk(text.trim());
    setQuestion("");
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(question);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send(question);
    }
  };
  return (
    <form className="demo-composer" onSubmit={onSubmit} aria-label="Ask the assistant">
      <ul className="demo-suggestions" aria-label="Suggested questions">
        {TOPICS.map((topic) => (
          <li key={topic.question}>
            <button type="button" disabled={busy} onClick={() => send(topic.question)}>
              {topic.question}
            </button>
          </li>
        ))}
      </ul>
      <div className="demo-composer-row">
        <textarea
          aria-label="Your question"
          aria-describedby={hintId}
          rows={2}
          value={question}
          placeholder="Ask about debouncing, Paris or SQL…"
          onChange={(event) => setQuestion(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="demo-send" disabled={busy || !question.trim()}>
          Send
        </button>
      </div>
      <p id={hintId} className="demo-hint">
        Enter sends, Shift+Enter starts a new line.
      </p>
    </form>
  );
}
