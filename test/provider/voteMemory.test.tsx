import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { FeedbackMessage, FeedbackProvider, memorySink, type RatingValue, ThumbsFeedback } from "../../src";

/** A chat that shows one message at a time, as a virtualised list does when the user scrolls past. */
function Chat({ value }: { value?: RatingValue }) {
  const [shown, setShown] = useState<"m1" | "m2">("m1");
  return (
    <>
      <button type="button" onClick={() => setShown(shown === "m1" ? "m2" : "m1")}>
        Scroll
      </button>
      <FeedbackMessage key={shown} messageId={shown} content={`Answer ${shown}`}>
        <p>{`Answer ${shown}`}</p>
        <ThumbsFeedback followUpOn={[]} {...(value !== undefined && { value })} />
      </FeedbackMessage>
    </>
  );
}

function setup(value?: RatingValue) {
  const sink = memorySink();
  render(
    <FeedbackProvider sink={sink}>
      <Chat {...(value !== undefined && { value })} />
    </FeedbackProvider>,
  );
  return { sink, user: userEvent.setup() };
}

const thumb = (name: "Good response" | "Bad response") => screen.getByRole("button", { name });

describe("a message remembers its vote", () => {
  it("shows the same pressed thumb after it unmounts and mounts again", async () => {
    const { user } = setup();
    await user.click(thumb("Good response"));
    expect(thumb("Good response")).toHaveAttribute("aria-pressed", "true");

    await user.click(screen.getByRole("button", { name: "Scroll" }));
    expect(screen.getByText("Answer m2")).toBeInTheDocument();
    expect(thumb("Good response")).toHaveAttribute("aria-pressed", "false");

    await user.click(screen.getByRole("button", { name: "Scroll" }));
    expect(screen.getByText("Answer m1")).toBeInTheDocument();
    expect(thumb("Good response")).toHaveAttribute("aria-pressed", "true");
    expect(thumb("Bad response")).toHaveAttribute("aria-pressed", "false");
  });

  it("sends the remembered vote as previous on the next change", async () => {
    const { sink, user } = setup();
    await user.click(thumb("Good response"));
    await user.click(screen.getByRole("button", { name: "Scroll" }));
    await user.click(screen.getByRole("button", { name: "Scroll" }));
    await user.click(thumb("Bad response"));
    await user.click(screen.getByRole("button", { name: "Scroll" }));
    await user.click(screen.getByRole("button", { name: "Scroll" }));
    // The pressed thumb withdraws the vote: from "down", as remembered through the second remount.
    await user.click(thumb("Bad response"));
    await waitFor(() => expect(sink.events).toHaveLength(3));
    expect(
      sink.events.map((event) => event.type === "rating" && [event.messageId, event.previous, event.value]),
    ).toEqual([
      ["m1", null, "up"],
      ["m1", "up", "down"],
      ["m1", "down", null],
    ]);
  });

  it("remembers per message: another message starts with no vote", async () => {
    const { sink, user } = setup();
    await user.click(thumb("Bad response"));
    await user.click(screen.getByRole("button", { name: "Scroll" }));
    await user.click(thumb("Good response"));
    await waitFor(() => expect(sink.events).toHaveLength(2));
    expect(sink.events[1]).toMatchObject({ messageId: "m2", value: "up", previous: null });
  });

  it("lets a controlled value win over the remembered vote", async () => {
    const { sink, user } = setup(null);
    await user.click(thumb("Good response"));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    // The app did not take the change: the value it passes stays what is shown, also after a remount.
    expect(thumb("Good response")).toHaveAttribute("aria-pressed", "false");
    await user.click(screen.getByRole("button", { name: "Scroll" }));
    await user.click(screen.getByRole("button", { name: "Scroll" }));
    expect(thumb("Good response")).toHaveAttribute("aria-pressed", "false");
    await user.click(thumb("Good response"));
    await waitFor(() => expect(sink.events).toHaveLength(2));
    expect(sink.events[1]).toMatchObject({ value: "up", previous: null });
  });
});

describe("FeedbackMessage asChild", () => {
  it("makes the app's own element the message's box, which hears copies and keeps the app's class", async () => {
    const sink = memorySink();
    render(
      <FeedbackProvider sink={sink}>
        <ul>
          <FeedbackMessage asChild messageId="m7" content="Paris.">
            <li className="bubble" aria-label="Answer">
              Paris.
              <ThumbsFeedback followUpOn={[]} />
            </li>
          </FeedbackMessage>
        </ul>
      </FeedbackProvider>,
    );
    const item = screen.getByRole("listitem", { name: "Answer" });
    expect(item).toHaveClass("rfl-message", "bubble");
    expect(item).toHaveAttribute("data-message-id", "m7");
    await userEvent.setup().click(thumb("Good response"));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({ messageId: "m7", value: "up" });
  });
});
