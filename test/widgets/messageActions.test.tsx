import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  CopyButton,
  EditableMessage,
  EditButton,
  MessageActions,
  type MessageActionsProps,
  RegenerateButton,
  ThumbsFeedback,
} from "../../src";
import { renderInMessage } from "./renderInMessage";

const ANSWER = "Paris is the capital of France.";

function Bar(props: Omit<MessageActionsProps, "children">) {
  return (
    <>
      <EditableMessage draft={ANSWER} />
      <MessageActions {...props}>
        <CopyButton />
        <RegenerateButton onRegenerate={() => {}} />
        <EditButton />
        <ThumbsFeedback followUpOn={["down"]} />
      </MessageActions>
      <button type="button">After the message</button>
    </>
  );
}

const toolbar = () => screen.getByRole("toolbar", { name: "Message actions" });
const button = (name: string) => screen.getByRole("button", { name });
const NAMES = ["Copy", "Regenerate", "Edit", "Good response", "Bad response"];

describe("MessageActions", () => {
  it("is one toolbar with every widget in order and a single Tab stop", async () => {
    const { user } = renderInMessage(<Bar />, { content: ANSWER });
    const names = within(toolbar())
      .getAllByRole("button")
      .map((element) => element.getAttribute("aria-label"));
    expect(names).toEqual(NAMES);
    await user.tab();
    expect(button("Copy")).toHaveFocus();
    await user.tab();
    expect(button("After the message")).toHaveFocus();
    // Back in, the focus lands on the button last used, not on the first.
    await user.tab({ shift: true });
    expect(button("Copy")).toHaveFocus();
  });

  it("moves with the arrow keys, wraps around, and goes to the ends with Home and End", async () => {
    const { user } = renderInMessage(<Bar />, { content: ANSWER });
    await user.tab();
    await user.keyboard("{ArrowRight}");
    expect(button("Regenerate")).toHaveFocus();
    await user.keyboard("{End}");
    expect(button("Bad response")).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(button("Copy")).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(button("Bad response")).toHaveFocus();
    await user.keyboard("{Home}");
    expect(button("Copy")).toHaveFocus();
    // The tab stop follows: leaving and coming back returns to the last button.
    await user.keyboard("{End}");
    await user.tab();
    await user.tab({ shift: true });
    expect(button("Bad response")).toHaveFocus();
    expect(
      within(toolbar())
        .getAllByRole("button")
        .filter((element) => element.tabIndex === 0),
    ).toHaveLength(1);
  });

  it("mirrors the arrow keys right to left", async () => {
    const { user } = renderInMessage(
      <div dir="rtl">
        <Bar />
      </div>,
      { content: ANSWER },
    );
    await user.tab();
    await user.keyboard("{ArrowLeft}");
    expect(button("Regenerate")).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(button("Copy")).toHaveFocus();
  });

  it("opens the form below the bar, outside the toolbar, where arrow keys stay in the text box", async () => {
    const { user } = renderInMessage(<Bar />, { content: ANSWER });
    await user.click(button("Bad response"));
    const form = screen.getByRole("form", { name: "What went wrong?" });
    expect(toolbar()).not.toContainElement(form);
    expect(form.closest(".rfl-actions")).toBe(toolbar().closest(".rfl-actions"));
    const comment = screen.getByRole("textbox", { name: "Comment (optional)" });
    await user.click(comment);
    await user.keyboard("ab{ArrowLeft}{Home}{End}");
    expect(comment).toHaveFocus();
  });

  it("gives the focus back to the thumb after a submit without opening its tooltip, and thanks below", async () => {
    const { user, sink } = renderInMessage(<Bar />, { content: ANSWER });
    await user.tab();
    await user.keyboard("{End}");
    // A focus the user moves there shows the tooltip...
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Bad response");
    await user.keyboard("{Enter}");
    expect(button("Made things up")).toHaveFocus();
    await user.keyboard(" ");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    // ...a focus given back after the submit does not.
    expect(button("Bad response")).toHaveFocus();
    await waitFor(() => expect(screen.queryByRole("tooltip")).not.toBeInTheDocument());
    const thanks = screen.getByText("Thanks for your feedback");
    expect(thanks).toHaveAttribute("role", "status");
    expect(thanks).not.toHaveAttribute("tabindex");
    expect(toolbar()).not.toContainElement(thanks);
    await waitFor(() => expect(sink.events.at(-1)).toMatchObject({ reasons: ["hallucination"] }));
  });

  it("opens the message's editor from the pencil, and returns the focus to it after Save", async () => {
    const { user, delivered } = renderInMessage(<Bar />, { content: ANSWER });
    // The editor's own Edit button gives way to the pencil in the bar.
    expect(screen.getAllByRole("button", { name: "Edit" })).toHaveLength(1);
    const pencil = button("Edit");
    expect(toolbar()).toContainElement(pencil);
    expect(pencil).toHaveAttribute("aria-expanded", "false");
    await user.click(pencil);
    const editor = screen.getByRole("textbox", { name: "Edit message" });
    expect(editor).toHaveFocus();
    expect(pencil).toHaveAttribute("aria-expanded", "true");
    await user.clear(editor);
    await user.type(editor, "Paris is the capital and largest city of France.");
    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(pencil).toHaveFocus();
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument();
    expect(screen.getByText("Paris is the capital and largest city of France.")).toBeVisible();
    // The diff engine behind the edit event arrives on first use: the event follows once it is there.
    await waitFor(async () =>
      expect(await delivered()).toEqual([expect.objectContaining({ type: "edit", messageId: "m1" })]),
    );
  });

  it("renders no pencil when the message has no editor", () => {
    renderInMessage(
      <MessageActions>
        <CopyButton />
        <EditButton />
      </MessageActions>,
    );
    expect(within(toolbar()).getAllByRole("button")).toHaveLength(1);
  });

  it("passes its labels to every widget inside, over the provider's", async () => {
    const { user } = renderInMessage(
      <MessageActions labels={{ messageActions: "Aktionen", copy: "Kopieren", thumbDown: "Schlecht" }}>
        <CopyButton />
        <ThumbsFeedback labels={{ thumbDown: "Nicht hilfreich" }} />
      </MessageActions>,
      { provider: { labels: { copy: "Copier", thumbUp: "Gut" } } },
    );
    expect(screen.getByRole("toolbar", { name: "Aktionen" })).toBeInTheDocument();
    expect(button("Kopieren")).toBeInTheDocument();
    expect(button("Gut")).toBeInTheDocument();
    // The widget's own label wins over the bar's.
    await user.click(button("Nicht hilfreich"));
    expect(screen.getByRole("form", { name: "What went wrong?" })).toBeInTheDocument();
  });

  it("marks how it reveals itself, for the stylesheet", () => {
    const { container } = renderInMessage(<Bar reveal="hover" />, { content: ANSWER });
    expect(container.querySelector(".rfl-actions")).toHaveAttribute("data-reveal", "hover");
  });
});
