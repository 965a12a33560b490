// Dwell and abandonment in real Chromium: layout, scrolling and IntersectionObserver are the browser's own.
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import {
  type FeedbackEvent,
  FeedbackMessage,
  FeedbackProvider,
  type MemorySink,
  memorySink,
  ThumbsFeedback,
} from "../../src";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Long enough for the observer to report and for some dwell time to pass.
const dwell = () => act(() => pause(200));

/** Headless Chromium never hides a tab by itself: this is what the browser does when the user switches away. */
async function hidePage() {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
  document.dispatchEvent(new Event("visibilitychange"));
  await act(() => pause(0));
}

function showPage() {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
  document.dispatchEvent(new Event("visibilitychange"));
}

const abandons = (sink: MemorySink) =>
  sink.events.filter((event): event is Extract<FeedbackEvent, { type: "abandon" }> => event.type === "abandon");

function Message({ id, children, height = 200 }: { id: string; children?: ReactNode; height?: number }) {
  return (
    <FeedbackMessage messageId={id} content={`Answer ${id}`}>
      <p style={{ height, margin: 0 }}>Answer {id}</p>
      {children}
    </FeedbackMessage>
  );
}

function setup(children: ReactNode, props: { abandonment?: boolean } = {}) {
  const sink = memorySink();
  const view = render(
    <FeedbackProvider sink={sink} {...props}>
      {children}
    </FeedbackProvider>,
  );
  return { sink, view };
}

afterEach(() => {
  showPage();
  window.scrollTo(0, 0);
});

describe("abandonment in Chromium", () => {
  it("reports a shown, untouched message when the page is hidden, and never one that was not shown", async () => {
    const { sink } = setup(
      <>
        <Message id="seen" />
        <div style={{ height: 3000 }} />
        <Message id="below-the-fold" />
      </>,
    );
    await dwell();
    await hidePage();
    const events = abandons(sink);
    console.log(
      `abandon events: ${events.map((event) => `${event.messageId}/${event.cause}/${event.dwellMs}ms`).join(", ")}`,
    );
    expect(events.map((event) => [event.messageId, event.cause])).toEqual([["seen", "hidden"]]);
    expect(events[0]?.dwellMs).toBeGreaterThan(0);
    expect(events[0]?.content).toBe("Answer seen");
  });

  it("counts dwell only while the message is on screen, and reports it once", async () => {
    const { sink } = setup(
      <>
        <div style={{ height: 3000 }} />
        <Message id="scrolled-to" />
        <div style={{ height: 3000 }} />
      </>,
    );
    await dwell();
    await hidePage();
    expect(abandons(sink)).toEqual([]);
    showPage();
    await act(async () => screen.getByText("Answer scrolled-to").scrollIntoView({ block: "center" }));
    await dwell();
    await hidePage();
    showPage();
    await dwell();
    await hidePage();
    expect(abandons(sink).map((event) => [event.messageId, event.cause])).toEqual([["scrolled-to", "hidden"]]);
  });

  it("never reports a message the user interacted with", async () => {
    const user = userEvent.setup();
    const { sink } = setup(
      <>
        <Message id="rated">
          <ThumbsFeedback followUpOn={[]} />
        </Message>
        <Message id="ignored" />
      </>,
    );
    await user.click(screen.getAllByRole("button", { name: "Good response" })[0] as HTMLElement);
    await dwell();
    await hidePage();
    expect(abandons(sink).map((event) => event.messageId)).toEqual(["ignored"]);
  });

  it("reports cause unmounted when a shown message leaves the page", async () => {
    const { sink, view } = setup(<Message id="gone" />);
    await dwell();
    view.rerender(<FeedbackProvider sink={sink}>{null}</FeedbackProvider>);
    await act(() => pause(0));
    expect(abandons(sink).map((event) => [event.messageId, event.cause])).toEqual([["gone", "unmounted"]]);
  });

  it("reports cause replaced when a regenerated answer takes the message's place", async () => {
    const { sink, view } = setup(<Message id="first-answer" />);
    await dwell();
    view.rerender(
      <FeedbackProvider sink={sink}>
        <Message id="second-answer" />
      </FeedbackProvider>,
    );
    await act(() => pause(0));
    expect(abandons(sink).map((event) => [event.messageId, event.cause])).toEqual([["first-answer", "replaced"]]);
  });

  it("treats a message taller than the viewport as shown when it fills half the screen", async () => {
    const { sink } = setup(<Message id="long" height={window.innerHeight * 3} />);
    await dwell();
    await hidePage();
    expect(abandons(sink).map((event) => event.messageId)).toEqual(["long"]);
  });

  it("reports nothing when abandonment is turned off at the provider", async () => {
    const { sink } = setup(<Message id="quiet" />, { abandonment: false });
    await dwell();
    await hidePage();
    expect(abandons(sink)).toEqual([]);
  });
});
