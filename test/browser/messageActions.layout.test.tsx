// MessageActions in real Chromium, from a phone to a desktop: nothing overflows, no button moves when the form,
// the thank-you, "Copied" or a pending regenerate opens, targets are big enough, and axe finds nothing in
// light, dark and right to left.
import "../../src/styles/styles.css";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { page } from "vitest/browser";
import {
  CopyButton,
  DiffView,
  EditableMessage,
  EditButton,
  FeedbackMessage,
  FeedbackProvider,
  MessageActions,
  memorySink,
  RegenerateButton,
  ThumbsFeedback,
} from "../../src";
import { diffWords } from "../../src/datasets";

const ANSWER =
  "Book the Musée d'Orsay for Saturday morning and the Catacombs for Sunday; tickets are at https://www.catacombes.paris.fr/en/visit-catacombs-paris-tickets-and-opening-hours-for-groups.";

// A long word replaced by another: the diff must wrap it, not run past the card.
const EDITED = ANSWER.replace("Saturday", "Friday").replace("tickets-and-opening-hours", "billets-et-horaires");

function Chat({ dir = "ltr", theme = "light" }: { dir?: "ltr" | "rtl"; theme?: "light" | "dark" }) {
  return (
    <FeedbackProvider sink={memorySink()}>
      <main
        dir={dir}
        data-theme={theme}
        data-testid="chat"
        style={{
          background: "var(--rfl-bg)",
          color: "var(--rfl-fg)",
          padding: 12,
          fontFamily: "system-ui, sans-serif",
          lineHeight: 1.5,
        }}
      >
        <FeedbackMessage messageId="m1" content={ANSWER} as="article">
          <EditableMessage draft={ANSWER} />
          <MessageActions>
            <CopyButton />
            <RegenerateButton onRegenerate={() => new Promise(() => {})} />
            <EditButton />
            <ThumbsFeedback followUpOn={["up", "down"]} />
          </MessageActions>
          <DiffView diff={diffWords(ANSWER, EDITED).diff} collapsible />
          <DiffView diff={diffWords(ANSWER, EDITED).diff} />
        </FeedbackMessage>
      </main>
    </FeedbackProvider>
  );
}

const bar = () => screen.getByRole("toolbar", { name: "Message actions" });

/** Where each button of the bar is, to the fraction of a pixel. */
function buttonBoxes() {
  return within(bar())
    .getAllByRole("button")
    .map((button) => {
      const { x, y, width, height } = button.getBoundingClientRect();
      return { name: button.getAttribute("aria-label"), x, y, width, height };
    });
}

/** Nothing wider than the page, and every element of the message inside the chat's box. */
function expectNoOverflow() {
  const chat = screen.getByTestId("chat");
  expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
  const box = chat.getBoundingClientRect();
  for (const element of chat.querySelectorAll("*")) {
    if (element.closest("[style*='clip']")) continue; // visually hidden text for screen readers
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    expect(rect.left, element.outerHTML.slice(0, 80)).toBeGreaterThanOrEqual(box.left - 0.5);
    expect(rect.right, element.outerHTML.slice(0, 80)).toBeLessThanOrEqual(box.right + 0.5);
  }
}

function expectTargetsAtLeast(size: number) {
  for (const button of screen.getByTestId("chat").querySelectorAll("button")) {
    const { width, height } = button.getBoundingClientRect();
    expect(
      Math.min(width, height),
      button.textContent || button.getAttribute("aria-label") || "",
    ).toBeGreaterThanOrEqual(size);
  }
}

async function expectNoAxeViolations() {
  const { violations } = await axe.run(screen.getByTestId("chat"));
  expect(
    violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`),
  ).toEqual([]);
}

describe.each([320, 390, 768, 1280])("MessageActions at %i px", (width) => {
  beforeEach(async () => {
    await page.viewport(width, 800);
  });

  it.each(["ltr", "rtl"] as const)("%s: fits, and no button moves when anything opens", async (dir) => {
    const user = userEvent.setup();
    render(<Chat dir={dir} />);
    const before = buttonBoxes();
    expect(before.map((box) => box.name)).toEqual(["Copy", "Regenerate", "Edit", "Good response", "Bad response"]);
    expectNoOverflow();
    expectTargetsAtLeast(24);

    await user.click(screen.getByRole("button", { name: "Bad response" }));
    const form = await screen.findByRole("form", { name: "What went wrong?" });
    expect(buttonBoxes()).toEqual(before);
    // The form opens under the bar, not beside it.
    expect(form.getBoundingClientRect().top).toBeGreaterThanOrEqual(bar().getBoundingClientRect().bottom);
    await user.type(
      screen.getByRole("textbox", { name: "Comment (optional)" }),
      "Thecatacombsneedabookedslotandthisanswerneversaysso",
    );
    expectNoOverflow();
    expectTargetsAtLeast(24);
    // The comment box fills the form's width.
    const comment = screen.getByRole("textbox", { name: "Comment (optional)" }).getBoundingClientRect();
    const formBox = form.getBoundingClientRect();
    expect(comment.width).toBeGreaterThan(formBox.width - 2 * 14);

    await user.click(screen.getByRole("button", { name: "Submit" }));
    expect(screen.getByText("Thanks for your feedback")).toBeVisible();
    expect(buttonBoxes()).toEqual(before.map((box) => box));

    await user.click(screen.getByRole("button", { name: "Copy" }));
    await user.click(screen.getByRole("button", { name: "Regenerate" }));
    expect(screen.getByRole("button", { name: "Regenerating…" })).toHaveAttribute("aria-busy", "true");
    expect(buttonBoxes().map(({ name: _, ...box }) => box)).toEqual(before.map(({ name: _, ...box }) => box));
    expectNoOverflow();
  });
});

describe("MessageActions, right to left", () => {
  it("starts the row at the right edge and keeps the order of the buttons from there", async () => {
    await page.viewport(390, 800);
    render(<Chat dir="rtl" />);
    const [copy, regenerate] = within(bar()).getAllByRole("button");
    const text = screen.getByTestId("chat").querySelector(".rfl-editable") as HTMLElement;
    expect(Math.round(copy?.getBoundingClientRect().right ?? 0)).toBe(Math.round(text.getBoundingClientRect().right));
    expect(regenerate?.getBoundingClientRect().right).toBeLessThanOrEqual(copy?.getBoundingClientRect().left ?? 0);
  });
});

describe("MessageActions and axe", () => {
  it.each([
    ["light", "ltr"],
    ["dark", "ltr"],
    ["light", "rtl"],
    ["dark", "rtl"],
  ] as const)("%s, %s: no violation with the form open and with the editor open", async (theme, dir) => {
    await page.viewport(390, 800);
    const user = userEvent.setup();
    render(<Chat theme={theme} dir={dir} />);
    await expectNoAxeViolations();
    await user.click(screen.getByRole("button", { name: "Bad response" }));
    await user.click(screen.getByRole("button", { name: "Made things up" }));
    await expectNoAxeViolations();
    await user.keyboard("{Escape}");
    await user.click(screen.getByRole("button", { name: "Edit" }));
    await expectNoAxeViolations();
    await act(async () => {});
  });
});
