import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { FeedbackProvider, memorySink, type RatingValue, ThumbButton, ThumbsFeedback, useThumbs } from "../../src";
import { renderInMessage } from "./renderInMessage";

const up = () => screen.getByRole("button", { name: "Good response" });
const down = () => screen.getByRole("button", { name: "Bad response" });

describe("ThumbsFeedback", () => {
  it("emits a rating at once on click and shows the pressed thumb", async () => {
    const { sink, user } = renderInMessage(<ThumbsFeedback followUpOn={[]} />);
    expect(screen.getByRole("group", { name: "Rate this response" })).toHaveAttribute("data-state", "none");
    await user.click(up());
    expect(up()).toHaveAttribute("aria-pressed", "true");
    expect(down()).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByRole("group", { name: "Rate this response" })).toHaveAttribute("data-state", "up");
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({
      type: "rating",
      value: "up",
      previous: null,
      messageId: "m1",
      feedbackKey: "m1:rating",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    });
  });

  it("has the thank-you's live region from the form's opening on, before its words, and none before", async () => {
    const { user } = renderInMessage(<ThumbsFeedback />);
    // A long chat mounts no region per message: there is none until a vote opens the form.
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
    await user.click(down());
    await screen.findByRole("form", { name: "What went wrong?" });
    const thanks = screen.getAllByRole("status").find((element) => element.classList.contains("rfl-thanks"));
    expect(thanks).toBeEmptyDOMElement();
    await user.click(screen.getByRole("button", { name: "Made things up" }));
    await user.click(screen.getByRole("button", { name: "Submit" }));
    // The same region, watched since the form opened, now says it.
    expect(thanks).toHaveTextContent(/^Thanks for your feedback$/);
    expect(thanks).toBeInTheDocument();
  });

  it("draws each default icon as one decorative path, the same in every button", () => {
    render(
      <FeedbackProvider sink={memorySink()}>
        <ThumbsFeedback messageId="m1" />
        <ThumbsFeedback messageId="m2" />
      </FeedbackProvider>,
    );
    const [first, second] = screen.getAllByRole("button", { name: "Good response" }) as [HTMLElement, HTMLElement];
    const icon = first.querySelector("svg");
    expect(icon).toHaveAttribute("aria-hidden", "true");
    expect(icon).toHaveClass("rfl-icon");
    expect(icon?.querySelectorAll("path")).toHaveLength(1);
    expect(second.innerHTML).toBe(first.innerHTML);
  });

  it("withdraws the vote when the pressed thumb is clicked again (value null)", async () => {
    const { sink, user } = renderInMessage(<ThumbsFeedback followUpOn={[]} />);
    await user.click(up());
    await user.click(up());
    expect(up()).toHaveAttribute("aria-pressed", "false");
    await waitFor(() => expect(sink.events).toHaveLength(2));
    expect(sink.events[1]).toMatchObject({ type: "rating", value: null, previous: "up", feedbackKey: "m1:rating" });
  });

  it("switches the vote and reports what it was", async () => {
    const { sink, user } = renderInMessage(<ThumbsFeedback followUpOn={[]} />);
    await user.click(up());
    await user.click(down());
    expect(down()).toHaveAttribute("aria-pressed", "true");
    expect(up()).toHaveAttribute("aria-pressed", "false");
    await waitFor(() => expect(sink.events).toHaveLength(2));
    expect(sink.events[1]).toMatchObject({ value: "down", previous: "up" });
  });

  it("starts from defaultValue when uncontrolled", async () => {
    const { sink, user } = renderInMessage(<ThumbsFeedback defaultValue="down" followUpOn={[]} />);
    expect(down()).toHaveAttribute("aria-pressed", "true");
    await user.click(down());
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({ value: null, previous: "down" });
  });

  it("follows value when controlled and reports changes through onValueChange", async () => {
    const onValueChange = vi.fn();
    function Controlled() {
      const [value, setValue] = useState<RatingValue>("up");
      return (
        <>
          <ThumbsFeedback
            value={value}
            followUpOn={[]}
            onValueChange={(next, event) => {
              onValueChange(next, event);
              setValue(next);
            }}
          />
          <button type="button" onClick={() => setValue(null)}>
            Reset
          </button>
        </>
      );
    }
    const { sink, user } = renderInMessage(<Controlled />);
    expect(up()).toHaveAttribute("aria-pressed", "true");
    await user.click(down());
    expect(onValueChange).toHaveBeenCalledWith("down", expect.objectContaining({ value: "down", previous: "up" }));
    expect(down()).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByRole("button", { name: "Reset" }));
    expect(up()).toHaveAttribute("aria-pressed", "false");
    expect(down()).toHaveAttribute("aria-pressed", "false");
    await waitFor(() => expect(sink.events).toHaveLength(1));
  });

  it("keeps showing the controlled value when the app does not accept the change", async () => {
    const { user } = renderInMessage(<ThumbsFeedback value="up" onValueChange={() => {}} followUpOn={[]} />);
    await user.click(down());
    expect(up()).toHaveAttribute("aria-pressed", "true");
    expect(down()).toHaveAttribute("aria-pressed", "false");
  });

  it("warns once in development when it switches from uncontrolled to controlled", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const sink = memorySink();
    const ui = (value: RatingValue | undefined) => (
      <FeedbackProvider sink={sink}>
        <ThumbsFeedback messageId="m1" {...(value !== undefined && { value })} />
      </FeedbackProvider>
    );
    const { rerender } = render(ui(undefined));
    rerender(ui("up"));
    rerender(ui("down"));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/changing from uncontrolled to controlled/);
    warn.mockRestore();
  });

  it("does nothing when disabled", async () => {
    const { delivered, user } = renderInMessage(<ThumbsFeedback disabled />);
    expect(up()).toBeDisabled();
    expect(down()).toBeDisabled();
    await user.click(up());
    expect(await delivered()).toHaveLength(0);
  });

  it("takes labels from the provider and from the component, the component winning", () => {
    renderInMessage(<ThumbsFeedback labels={{ thumbDown: "Schlecht" }} />, {
      provider: { labels: { thumbUp: "Gut", thumbDown: "Nicht gut" } },
    });
    expect(screen.getByRole("button", { name: "Gut" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Schlecht" })).toBeInTheDocument();
  });

  it("renders the app's own buttons with asChild; their onClick runs first and may prevent the vote", async () => {
    const order: string[] = [];
    const { sink, user } = renderInMessage(
      <ThumbsFeedback followUpOn={[]} onValueChange={() => order.push("vote")}>
        <ThumbButton thumb="up" asChild>
          <button type="button" className="my-button" onClick={() => order.push("app")}>
            Like
          </button>
        </ThumbButton>
        <ThumbButton thumb="down" asChild>
          <button type="button" onClick={(event) => event.preventDefault()}>
            Dislike
          </button>
        </ThumbButton>
      </ThumbsFeedback>,
    );
    // The app's own content names the button.
    const like = screen.getByRole("button", { name: "Like" });
    expect(like).toHaveClass("my-button");
    expect(like).toHaveTextContent("Like");
    await user.click(like);
    expect(order).toEqual(["app", "vote"]);
    const dislike = screen.getByRole("button", { name: "Dislike" });
    await user.click(dislike);
    expect(dislike).toHaveAttribute("aria-pressed", "false");
    await waitFor(() => expect(sink.events).toHaveLength(1));
  });

  it("replaces the icons", () => {
    renderInMessage(<ThumbsFeedback icons={{ thumbUp: <span data-testid="my-up">+</span> }} />);
    expect(up()).toContainElement(screen.getByTestId("my-up"));
  });

  it("throws a sentence saying what to add when it has no message", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() =>
      render(
        <FeedbackProvider sink={memorySink()}>
          <ThumbsFeedback />
        </FeedbackProvider>,
      ),
    ).toThrow(/Put it inside <FeedbackMessage messageId=\{message.id\}>, or pass it messageId="..."/);
    vi.mocked(console.error).mockRestore();
  });

  it("works with a messageId prop outside FeedbackMessage", async () => {
    const sink = memorySink();
    render(
      <FeedbackProvider sink={sink}>
        <ThumbsFeedback messageId="loose" followUpOn={[]} />
      </FeedbackProvider>,
    );
    await userEvent.click(up());
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({ messageId: "loose", feedbackKey: "loose:rating" });
  });
});

describe("useThumbs", () => {
  it("gives prop getters for the app's own markup", async () => {
    function MyThumbs() {
      const thumbs = useThumbs();
      return (
        <div {...thumbs.getGroupProps()}>
          <button {...thumbs.getButtonProps("up")}>+1</button>
          <button {...thumbs.getButtonProps("down")}>-1</button>
          <output>{thumbs.value ?? "none"}</output>
        </div>
      );
    }
    const { sink, user } = renderInMessage(<MyThumbs />);
    await user.click(down());
    expect(screen.getByRole("status")).toHaveTextContent("down");
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({ value: "down", previous: null });
  });
});

describe("tooltips", () => {
  it("shows the label as a tooltip on keyboard focus, overridable, and can be turned off", async () => {
    const { user, unmount } = renderInMessage(<ThumbsFeedback labels={{ thumbUp: "Helpful" }} />);
    await user.tab();
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Helpful");
    unmount();
    const second = renderInMessage(<ThumbsFeedback tooltips={false} />);
    await second.user.tab();
    expect(up()).toHaveFocus();
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument();
  });
});
