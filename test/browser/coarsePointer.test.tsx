// A finger needs 44 px: under `pointer: coarse` every button and chip of the bar and the form grows to it, in
// every theme (a `data-theme` on an ancestor must not reset the size).
import "../../src/styles/styles.css";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cdp } from "vitest/browser";
import {
  CopyButton,
  FeedbackMessage,
  FeedbackProvider,
  MessageActions,
  memorySink,
  RegenerateButton,
  ThumbsFeedback,
} from "../../src";

afterEach(async () => {
  await cdp().send("Emulation.setTouchEmulationEnabled", { enabled: false });
});

describe("targets under a coarse pointer", () => {
  it.each(["light", "dark"])("%s: every button and chip is at least 44 by 44 px", async (theme) => {
    // What a phone reports: a touch screen, whose primary pointer is coarse and cannot hover.
    await cdp().send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 5 });
    expect(matchMedia("(pointer: coarse)").matches).toBe(true);
    render(
      <FeedbackProvider sink={memorySink()}>
        <div data-theme={theme} data-testid="frame">
          <FeedbackMessage messageId="m1" content="An answer">
            <p>An answer</p>
            <MessageActions reveal="hover">
              <CopyButton />
              <RegenerateButton onRegenerate={() => {}} />
              <ThumbsFeedback />
            </MessageActions>
          </FeedbackMessage>
        </div>
      </FeedbackProvider>,
    );
    const bar = screen.getByRole("toolbar", { name: "Message actions" });
    // No hover on a touch screen: the bar is always shown.
    expect(getComputedStyle(bar).opacity).toBe("1");
    await userEvent.click(screen.getByRole("button", { name: "Bad response" }));
    for (const button of screen.getByTestId("frame").querySelectorAll("button")) {
      const { width, height } = button.getBoundingClientRect();
      expect(
        Math.min(width, height),
        button.textContent || button.getAttribute("aria-label") || "",
      ).toBeGreaterThanOrEqual(44);
    }
  });
});
