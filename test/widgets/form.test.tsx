import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { FeedbackForm, ThumbsFeedback } from "../../src";
import { renderInMessage } from "./renderInMessage";

const down = () => screen.getByRole("button", { name: "Bad response" });
const up = () => screen.getByRole("button", { name: "Good response" });

describe("the follow-up form", () => {
  it("opens after a thumbs-down with the contract's error modes, and moves the focus into it", async () => {
    const { user } = renderInMessage(<ThumbsFeedback />);
    await user.click(down());
    const form = screen.getByRole("form", { name: "What went wrong?" });
    expect(form).toHaveAttribute("data-state", "idle");
    const chips = screen.getAllByRole("button", { pressed: false }).filter((chip) => form.contains(chip));
    expect(chips.map((chip) => chip.textContent)).toEqual([
      "Made things up",
      "Wrong format",
      "Refused or hedged",
      "Too long or too short",
      "Ignored my request",
      "Unsafe or harmful",
      "Other",
    ]);
    expect(screen.getByRole("button", { name: "Made things up" })).toHaveFocus();
  });

  it("does not open after a thumbs-up unless asked to, and then shows the up list", async () => {
    const { user, rerender } = renderInMessage(<ThumbsFeedback />);
    await user.click(up());
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    rerender(<div />);
    const second = renderInMessage(
      <ThumbsFeedback followUpOn={["up", "down"]} reasons={{ up: ["helpful", "clear"] }} />,
    );
    await second.user.click(screen.getAllByRole("button", { name: "Good response" }).at(-1) as HTMLElement);
    expect(screen.getByRole("form", { name: "What was good?" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Helpful" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Clear" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Made things up" })).not.toBeInTheDocument();
  });

  it("submits a rating with the same feedbackKey carrying reasons and comment, then thanks and refocuses", async () => {
    const { sink, user } = renderInMessage(<ThumbsFeedback />);
    await user.click(down());
    await user.click(screen.getByRole("button", { name: "Wrong format" }));
    await user.click(screen.getByRole("button", { name: "Made things up" }));
    expect(screen.getByRole("button", { name: "Made things up" })).toHaveAttribute("aria-pressed", "true");
    await user.type(screen.getByRole("textbox", { name: "Comment (optional)" }), "  The date is wrong. ");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    expect(screen.getByText("Thanks for your feedback")).toHaveAttribute("role", "status");
    expect(down()).toHaveFocus();
    expect(down()).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(sink.events).toHaveLength(2));
    expect(sink.events[1]).toMatchObject({
      type: "rating",
      value: "down",
      previous: "down",
      feedbackKey: sink.events[0]?.feedbackKey,
      reasons: ["hallucination", "format"],
      comment: "The date is wrong.",
    });
  });

  it("keeps the rating when closed with Cancel or Escape, and gives the focus back to the thumb", async () => {
    const { delivered, user } = renderInMessage(<ThumbsFeedback />);
    await user.click(down());
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    expect(down()).toHaveFocus();
    expect(down()).toHaveAttribute("aria-pressed", "true");
    await user.click(up());
    await user.click(down());
    expect(screen.getByRole("form")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    expect(down()).toHaveFocus();
    const events = await delivered();
    expect(events.map((event) => event.type === "rating" && event.value)).toEqual(["down", "up", "down"]);
  });

  it("can be used with the keyboard alone: Tab, Enter, Space, Escape", async () => {
    const { sink, user } = renderInMessage(<ThumbsFeedback />);
    await user.tab();
    expect(up()).toHaveFocus();
    await user.tab();
    expect(down()).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("button", { name: "Made things up" })).toHaveFocus();
    await user.keyboard(" ");
    expect(screen.getByRole("button", { name: "Made things up" })).toHaveAttribute("aria-pressed", "true");
    await user.tab();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("button", { name: "Wrong format" })).toHaveAttribute("aria-pressed", "true");
    await user.keyboard("{Escape}");
    expect(down()).toHaveFocus();
    // Space on the pressed thumb withdraws the vote; Space again votes and opens the form again.
    await user.keyboard(" ");
    expect(down()).toHaveAttribute("aria-pressed", "false");
    await user.keyboard(" ");
    expect(screen.getByRole("form")).toBeInTheDocument();
    // Tab through the chips to the comment and submit with the keyboard.
    for (let i = 0; i < 7; i++) await user.tab();
    expect(screen.getByRole("textbox", { name: "Comment (optional)" })).toHaveFocus();
    await user.keyboard("Too vague");
    await user.tab();
    expect(screen.getByRole("button", { name: "Submit" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(down()).toHaveFocus();
    await waitFor(() => expect(sink.events).toHaveLength(4));
    expect(sink.events.map((event) => event.type === "rating" && event.value)).toEqual(["down", null, "down", "down"]);
    expect(sink.events[3]).toMatchObject({ reasons: [], comment: "Too vague" });
  });

  it("stops typing at the comment limit, counts, and cuts a longer comment in the event", async () => {
    const { sink, user } = renderInMessage(<FeedbackForm rating="down" commentMaxLength={10} />);
    const comment = screen.getByRole("textbox", { name: "Comment (optional)" });
    await user.type(comment, "012345678");
    // Seen as a count, heard as what is left, in the plural form the number needs.
    expect(screen.getByText("9 / 10")).toBeVisible();
    expect(comment).toHaveAccessibleDescription("1 character left");
    await user.type(comment, "9abc");
    expect(comment).toHaveValue("0123456789");
    expect(screen.getByText("10 / 10").parentElement).toHaveAttribute("data-state", "full");
    expect(comment).toHaveAccessibleDescription("0 characters left");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({ comment: "0123456789" });
  });

  it("shows submitting while the app's onSubmit runs, an error with retry when it fails, then submitted", async () => {
    let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
    const onSubmit = vi.fn(
      () =>
        new Promise<void>((resolve, reject) => {
          settle = { resolve, reject };
        }),
    );
    const { delivered, user } = renderInMessage(<FeedbackForm rating="down" onSubmit={onSubmit} />);
    await user.click(screen.getByRole("button", { name: "Other" }));
    await user.click(screen.getByRole("button", { name: "Submit" }));
    const form = screen.getByRole("form", { name: "What went wrong?" });
    expect(form).toHaveAttribute("data-state", "submitting");
    expect(form).toHaveAttribute("aria-busy", "true");
    expect(screen.getByRole("button", { name: "Sending…" })).toHaveAttribute("aria-disabled", "true");
    expect(onSubmit).toHaveBeenCalledWith({ rating: "down", reasons: ["other"], comment: "" });
    await act(async () => settle?.reject(new Error("offline")));
    expect(form).toHaveAttribute("data-state", "error");
    expect(screen.getByRole("alert")).toHaveTextContent("Your feedback could not be sent.");
    expect(await delivered()).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(form).toHaveAttribute("data-state", "submitting");
    await act(async () => settle?.resolve());
    expect(form).toHaveAttribute("data-state", "submitted");
    expect(screen.getByRole("status")).toHaveTextContent("Thanks for your feedback");
    const events = await delivered();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "rating", value: "down", reasons: ["other"] });
  });

  it("lets the app replace the reasons and their labels", async () => {
    const { sink, user } = renderInMessage(
      <FeedbackForm rating="down" reasons={["hallucination", { key: "outdated", label: "Out of date" }, "tone"]} />,
      { provider: { labels: { reasons: { tone: "Wrong tone" } } } },
    );
    expect(screen.getByRole("button", { name: "Made things up" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Out of date" }));
    await user.click(screen.getByRole("button", { name: "Wrong tone" }));
    await user.click(screen.getByRole("button", { name: "Submit" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({ reasons: ["outdated", "tone"] });
  });

  it("leaves out reason keys that cannot be stored, and says so once in development", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const reasons = ["Made things up", "format", "format", { key: "" }];
    renderInMessage(
      <>
        <FeedbackForm rating="down" reasons={reasons} autoFocus={false} />
        <FeedbackForm rating="down" reasons={reasons} autoFocus={false} />
      </>,
    );
    // Two forms, each with one "Wrong format" chip; each problem reported once.
    expect(screen.getAllByRole("button", { name: "Wrong format" })).toHaveLength(2);
    expect(screen.queryByRole("button", { name: "Made things up" })).not.toBeInTheDocument();
    const messages = warn.mock.calls.map((call) => String(call[0]));
    expect(messages.filter((message) => message.includes('"Made things up" was left out'))).toHaveLength(1);
    expect(messages.filter((message) => message.includes('"format" is listed twice'))).toHaveLength(1);
    expect(messages.filter((message) => message.includes('Reason key "" was left out'))).toHaveLength(1);
    warn.mockRestore();
  });
});

describe("useFeedbackForm", () => {
  it("cuts a comment set past the limit, without splitting a character, in state and in the event", async () => {
    const { useFeedbackForm } = await import("../../src");
    function Headless() {
      const form = useFeedbackForm({ rating: "up", commentMaxLength: 5 });
      return (
        <form {...form.getFormProps()}>
          <p {...form.getTitleProps()}>Why?</p>
          <button type="button" onClick={() => form.setComment("abcd😀 and more")}>
            Fill
          </button>
          <output>{form.comment}</output>
          <button {...form.getSubmitProps()}>Send</button>
        </form>
      );
    }
    const { sink, user } = renderInMessage(<Headless />);
    await user.click(screen.getByRole("button", { name: "Fill" }));
    expect(screen.getByRole("status")).toHaveTextContent(/^abcd$/);
    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({ value: "up", comment: "abcd" });
  });
});
