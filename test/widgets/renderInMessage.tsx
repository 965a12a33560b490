import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import {
  FeedbackMessage,
  FeedbackProvider,
  type FeedbackProviderProps,
  type MemorySink,
  memorySink,
  type UseFeedbackResult,
  useFeedback,
} from "../../src";

function FlushHandle({ onApi }: { onApi: (api: UseFeedbackResult) => void }) {
  onApi(useFeedback());
  return null;
}

/** Renders widgets inside a provider on a fresh memory sink and one message, as an app would. */
export function renderInMessage(
  ui: ReactNode,
  {
    content = "Paris is the capital of France.",
    provider = {},
  }: { content?: string; provider?: Partial<FeedbackProviderProps> } = {},
) {
  const sink: MemorySink = memorySink();
  const user = userEvent.setup();
  let api: UseFeedbackResult | undefined;
  const view = render(
    <FeedbackProvider sink={sink} context={{ sessionId: "s1" }} {...provider}>
      <FlushHandle onApi={(value) => (api = value)} />
      <FeedbackMessage messageId="m1" traceId="4bf92f3577b34da6a3ce929d0e0e4736" content={content}>
        <p>{content}</p>
        {ui}
      </FeedbackMessage>
    </FeedbackProvider>,
  );
  /** Every event delivered so far, after the provider flushed: for asserting that nothing was sent. */
  const delivered = async () => {
    await api?.flush();
    return sink.events;
  };
  return { sink, user, delivered, ...view };
}
