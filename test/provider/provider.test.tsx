import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Profiler, type ReactNode, useState } from "react";
import {
  callbackSink,
  type FeedbackError,
  FeedbackMessage,
  FeedbackProvider,
  type FeedbackProviderProps,
  memorySink,
  type UseFeedbackResult,
  useFeedback,
  useFeedbackMessage,
} from "../../src";

function ShareButton({ messageId }: { messageId?: string }) {
  const { emit } = useFeedback();
  return (
    <button
      type="button"
      onClick={() => emit({ type: "custom", name: "shared", value: 1, ...(messageId ? { messageId } : {}) })}
    >
      Share
    </button>
  );
}

function setup(props: Partial<FeedbackProviderProps> = {}, children: ReactNode = <ShareButton />) {
  const sink = memorySink();
  const onError = vi.fn<(error: FeedbackError) => void>();
  render(
    <FeedbackProvider sink={sink} onError={onError} {...props}>
      <FeedbackMessage
        messageId="msg-1"
        traceId="4bf92f3577b34da6a3ce929d0e0e4736"
        spanId="00f067aa0ba902b7"
        metadata={{ model: "m1" }}
      >
        {children}
      </FeedbackMessage>
    </FeedbackProvider>,
  );
  return { sink, onError, user: userEvent.setup() };
}

describe("FeedbackProvider and useFeedback", () => {
  it("fills the envelope from the provider context and the enclosing message", async () => {
    const { sink, user } = setup({
      context: {
        app: "support-bot",
        environment: "test",
        userId: "u-7",
        sessionId: "s-1",
        metadata: { release: "2.1", model: "default" },
      },
    });
    await user.click(screen.getByRole("button", { name: "Share" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    const [event] = sink.events;
    expect(event).toMatchObject({
      type: "custom",
      name: "shared",
      value: 1,
      v: 1,
      messageId: "msg-1",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
      app: "support-bot",
      environment: "test",
      userId: "u-7",
      sessionId: "s-1",
      metadata: { release: "2.1", model: "m1" },
    });
    expect(event?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(event?.feedbackKey).toBe(event?.id);
    expect(Date.parse(event?.ts ?? "")).not.toBeNaN();
  });

  it("lets a messageId in the emit call win over the enclosing message", async () => {
    const { sink, user } = setup({}, <ShareButton messageId="msg-9" />);
    await user.click(screen.getByRole("button", { name: "Share" }));
    await waitFor(() => expect(sink.events[0]?.messageId).toBe("msg-9"));
  });

  it("keys ratings by message so a changed vote replaces the old one", async () => {
    let api: UseFeedbackResult | undefined;
    function Grab() {
      api = useFeedback();
      return null;
    }
    const { sink } = setup({}, <Grab />);
    const first = api?.emit({ type: "rating", value: "up", previous: null });
    const second = api?.emit({ type: "rating", value: "down", previous: "up" });
    expect(first?.feedbackKey).toBe("msg-1:rating");
    expect(second?.feedbackKey).toBe("msg-1:rating");
    expect(first?.id).not.toBe(second?.id);
    await api?.flush();
    expect(sink.events).toHaveLength(2);
  });

  it("keeps emit and flush stable and never re-renders consumers when emitting", async () => {
    const renders = vi.fn();
    const seen = new Set<UseFeedbackResult>();
    function Consumer() {
      const api = useFeedback();
      seen.add(api);
      return (
        <button type="button" onClick={() => api.emit({ type: "custom", name: "click" })}>
          Emit
        </button>
      );
    }
    function Parent() {
      const [count, setCount] = useState(0);
      return (
        <>
          <button type="button" onClick={() => setCount(count + 1)}>
            Re-render parent {count}
          </button>
          <Profiler id="consumer" onRender={renders}>
            <Consumer />
          </Profiler>
        </>
      );
    }
    const { sink, user } = setup({}, <Parent />);
    const before = renders.mock.calls.length;
    for (let i = 0; i < 5; i++) await user.click(screen.getByRole("button", { name: "Emit" }));
    await waitFor(() => expect(sink.events).toHaveLength(5));
    expect(renders.mock.calls.length).toBe(before);
    await user.click(screen.getByRole("button", { name: /Re-render parent/ }));
    expect(seen.size).toBe(1);
  });

  it("runs redact before anything is sent, and drops what it returns null for", async () => {
    const redact = vi.fn((event) => {
      if (event.type === "custom" && event.name === "secret") return null;
      return { ...event, userId: "redacted" };
    });
    let api: UseFeedbackResult | undefined;
    function Grab() {
      api = useFeedback();
      return null;
    }
    const { sink } = setup({ redact, context: { userId: "alice@example.com" } }, <Grab />);
    expect(api?.emit({ type: "custom", name: "secret" })).toBeNull();
    expect(api?.emit({ type: "custom", name: "public" })?.userId).toBe("redacted");
    await api?.flush();
    expect(sink.events.map((event) => [event.type === "custom" && event.name, event.userId])).toEqual([
      ["public", "redacted"],
    ]);
  });

  it("drops and reports an event whose redact throws, so nothing unredacted leaves", async () => {
    let api: UseFeedbackResult | undefined;
    function Grab() {
      api = useFeedback();
      return null;
    }
    const { sink, onError } = setup(
      {
        redact: () => {
          throw new Error("regex failed");
        },
      },
      <Grab />,
    );
    expect(api?.emit({ type: "custom", name: "x" })).toBeNull();
    await api?.flush();
    expect(sink.events).toHaveLength(0);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ kind: "config", message: expect.stringContaining("regex failed") }),
    );
  });

  it("samples whole sessions, the same way every time for a session id", async () => {
    const kept: string[] = [];
    for (let i = 0; i < 200; i++) {
      const sink = memorySink();
      let api: UseFeedbackResult | undefined;
      function Grab() {
        api = useFeedback();
        return null;
      }
      const { unmount } = render(
        <FeedbackProvider sink={sink} sample={0.3} context={{ sessionId: `session-${i}` }}>
          <FeedbackMessage messageId="m">
            <Grab />
          </FeedbackMessage>
        </FeedbackProvider>,
      );
      const first = api?.emit({ type: "custom", name: "a" });
      const second = api?.emit({ type: "custom", name: "b" });
      expect(first === null).toBe(second === null);
      if (first) kept.push(`session-${i}`);
      unmount();
    }
    expect(kept.length).toBeGreaterThan(30);
    expect(kept.length).toBeLessThan(90);
    // Deterministic: the same sessions are kept on a second pass.
    const { isSampledIn } = await import("../../src/provider/sampling");
    expect(kept.every((id) => isSampledIn(0.3, id, 0))).toBe(true);
    expect(isSampledIn(0, "any", 0)).toBe(false);
    expect(isSampledIn(1, "any", 0.99)).toBe(true);
  });

  it("never sends an invalid event and tells onError which field is wrong", async () => {
    let api: UseFeedbackResult | undefined;
    function Grab() {
      api = useFeedback();
      return null;
    }
    const sink = memorySink();
    const onError = vi.fn<(error: FeedbackError) => void>();
    render(
      <FeedbackProvider sink={sink} onError={onError}>
        <Grab />
      </FeedbackProvider>,
    );
    expect(api?.emit({ type: "copy", source: "button", chars: 3, fraction: 1 })).toBeNull();
    expect(api?.emit({ type: "copy", source: "button", chars: 3, fraction: 2, messageId: "m" })).toBeNull();
    await api?.flush();
    expect(sink.events).toHaveLength(0);
    expect(onError.mock.calls.map(([error]) => [error.kind, error.field])).toEqual([
      ["invalid-event", "messageId"],
      ["invalid-event", "fraction"],
    ]);
  });

  it("keeps the app running when the sink throws or rejects, and reports it", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    const onError = vi.fn<(error: FeedbackError) => void>();
    const throwing = callbackSink(() => {
      throw new Error("network down");
    });
    render(
      <FeedbackProvider sink={throwing} onError={onError} delivery={{ batchDelayMs: 0, storage: false }}>
        <FeedbackMessage messageId="m">
          <ShareButton />
        </FeedbackMessage>
      </FeedbackProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Share" }));
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: "sink" })));
    expect(onError.mock.calls[0]?.[0].message).toContain("network down");
    // The tree is still there and still works.
    await user.click(screen.getByRole("button", { name: "Share" }));
    expect(screen.getByRole("button", { name: "Share" })).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off("unhandledRejection", unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it("survives an onError handler that throws", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = callbackSink(async () => Promise.reject(new Error("503")));
    const { user } = (() => {
      render(
        <FeedbackProvider
          sink={failing}
          onError={() => {
            throw new Error("handler bug");
          }}
        >
          <FeedbackMessage messageId="m">
            <ShareButton />
          </FeedbackMessage>
        </FeedbackProvider>,
      );
      return { user: userEvent.setup() };
    })();
    await user.click(screen.getByRole("button", { name: "Share" }));
    await waitFor(() => expect(consoleError).toHaveBeenCalled());
    expect(screen.getByRole("button", { name: "Share" })).toBeInTheDocument();
    consoleError.mockRestore();
  });

  it("fails early, with how to fix it, when a hook is used outside the provider", () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<ShareButton />)).toThrow(
      'useFeedback() must be used inside <FeedbackProvider>. Wrap your app (or the part with the chat) in <FeedbackProvider sink={...}>, imported from "react-feedback-loop".',
    );
    consoleError.mockRestore();
  });

  it("exposes the message scope to custom widgets", () => {
    function ScopeLabel() {
      const scope = useFeedbackMessage();
      return <output aria-label="scope">{scope ? `${scope.messageId} ${scope.traceId}` : "none"}</output>;
    }
    setup({}, <ScopeLabel />);
    expect(screen.getByRole("status", { name: "scope" })).toHaveTextContent("msg-1 4bf92f3577b34da6a3ce929d0e0e4736");
  });
});
