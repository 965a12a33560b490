// AnswerVersions and ComparePrompt in real Chromium: the keyboard flow with real key presses (Tab, Enter,
// Space, Escape), the announcements, the focus, the layout from a phone to a desktop in both directions, no
// jump of what is above the compare prompt when it opens, and axe in light, dark and right to left.
import "../../src/styles/styles.css";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { useState } from "react";
import { cdp, page, userEvent } from "vitest/browser";
import {
  type AnswerVersion,
  AnswerVersions,
  ComparePrompt,
  CopyButton,
  FeedbackMessage,
  FeedbackProvider,
  type MemorySink,
  MessageActions,
  memorySink,
  RegenerateButton,
  ThumbsFeedback,
} from "../../src";

const PROMPT = [{ role: "user", content: "Plan a rainy weekend in Paris." }];
const ANSWERS: AnswerVersion[] = [
  {
    messageId: "v1",
    content:
      "Saturday: start at the Musée d'Orsay when it opens, lunch in the covered Passage des Panoramas, then the Sainte-Chapelle in the afternoon light.",
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    prompt: PROMPT,
  },
  {
    messageId: "v2",
    content:
      "Keep each day under one roof for the wettest hours. Saturday is the Louvre's Richelieu wing; Sunday is the Musée de l'Orangerie, then the Galeries Lafayette rooftop if the rain stops.",
    traceId: "5bf92f3577b34da6a3ce929d0e0e4737",
    prompt: PROMPT,
  },
];

function Chat({
  sink,
  dir = "ltr",
  theme = "light",
  compare = false,
}: {
  sink: MemorySink;
  dir?: "ltr" | "rtl";
  theme?: "light" | "dark";
  compare?: boolean;
}) {
  const [versions, setVersions] = useState(ANSWERS);
  const [asking, setAsking] = useState(compare);
  return (
    <FeedbackProvider sink={sink}>
      <main
        dir={dir}
        data-theme={theme}
        data-testid="chat"
        style={{
          display: "flex",
          flexDirection: "column",
          blockSize: 640,
          background: "var(--rfl-bg)",
          color: "var(--rfl-fg)",
          fontFamily: "system-ui, sans-serif",
          lineHeight: 1.5,
        }}
      >
        <div data-testid="scroller" style={{ flex: 1, overflow: "auto", padding: 12 }}>
          <p>{PROMPT[0]?.content}</p>
          <AnswerVersions versions={versions}>
            {(version) => (
              <FeedbackMessage messageId={version.messageId} content={version.content} as="article">
                <p data-testid="answer">{version.content}</p>
                <MessageActions>
                  <CopyButton />
                  <RegenerateButton
                    onRegenerate={() => {
                      setVersions((all) => [
                        ...all,
                        { messageId: `v${all.length + 1}`, content: `Answer number ${all.length + 1}.` },
                      ]);
                      setAsking(true);
                    }}
                  />
                  <ThumbsFeedback />
                </MessageActions>
              </FeedbackMessage>
            )}
          </AnswerVersions>
          {versions.length > 1 && (
            <ComparePrompt
              a={versions.at(-2) as AnswerVersion}
              b={versions.at(-1) as AnswerVersion}
              open={asking}
              onOpenChange={setAsking}
            />
          )}
        </div>
        <form data-testid="composer" style={{ padding: 12 }} onSubmit={(event) => event.preventDefault()}>
          <textarea aria-label="Your question" style={{ inlineSize: "100%" }} />
          <button type="button" onClick={() => setAsking(true)}>
            Ask which is better
          </button>
        </form>
      </main>
    </FeedbackProvider>
  );
}

// The provider's one live region, where every widget speaks.
const announcer = () => screen.getByRole("log");
const previous = () => screen.getByRole("button", { name: "Previous answer" });
const next = () => screen.getByRole("button", { name: "Next answer" });

async function expectNoAxeViolations() {
  const { violations } = await axe.run(screen.getByTestId("chat"));
  expect(
    violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`),
  ).toEqual([]);
}

function top(testId: string) {
  return screen.getByTestId(testId).getBoundingClientRect().top;
}

describe("AnswerVersions with the keyboard", () => {
  beforeEach(async () => {
    await page.viewport(1280, 800);
  });

  it("Tab reaches the stepper, Enter and Space step, the focus stays and each position is announced", async () => {
    render(<Chat sink={memorySink()} />);
    await userEvent.keyboard("{Tab}");
    expect(previous()).toHaveFocus();
    expect(screen.getByText("2 / 2")).toBeVisible();
    await userEvent.keyboard("{Enter}");
    expect(screen.getByTestId("answer")).toHaveTextContent(/Musée d'Orsay/);
    expect(screen.getByText("1 / 2")).toBeVisible();
    expect(previous()).toHaveFocus();
    expect(previous()).toHaveAttribute("aria-disabled", "true");
    await waitFor(() => expect(announcer()).toHaveTextContent("Answer 1 of 2"));
    // Arrow keys move along the action bar (a toolbar), from Previous to Next.
    await userEvent.keyboard("{ArrowRight}");
    expect(next()).toHaveFocus();
    await userEvent.keyboard(" ");
    expect(screen.getByTestId("answer")).toHaveTextContent(/Richelieu/);
    expect(next()).toHaveFocus();
    await waitFor(() => expect(announcer()).toHaveTextContent("Answer 2 of 2"));
    // Tab leaves the bar: one tab stop for the whole toolbar.
    await userEvent.keyboard("{Tab}");
    expect(screen.getByRole("toolbar")).not.toContainElement(document.activeElement as HTMLElement);
  });

  it.each(["ltr", "rtl"] as const)("%s: the chevrons point the way the text reads", async (dir) => {
    render(<Chat sink={memorySink()} dir={dir} />);
    const back = previous().getBoundingClientRect();
    const forward = next().getBoundingClientRect();
    if (dir === "ltr") expect(back.left).toBeLessThan(forward.left);
    else expect(back.left).toBeGreaterThan(forward.left);
    const flipped = getComputedStyle(previous().querySelector("svg") as SVGElement).transform;
    expect(flipped === "none" ? "none" : "mirrored").toBe(dir === "ltr" ? "none" : "mirrored");
  });
});

/** Enter on Regenerate: a third answer, shown, and the prompt for the last two, which takes the focus. */
async function regenerateByKeyboard() {
  screen.getByRole("button", { name: "Regenerate" }).focus();
  await userEvent.keyboard("{Enter}");
  const prompt = await screen.findByRole("group", { name: "Which response is better?" });
  await waitFor(() => expect(prompt).toHaveFocus());
  return prompt;
}

describe("ComparePrompt with the keyboard", () => {
  beforeEach(async () => {
    await page.viewport(1280, 800);
    // The pairs asked about are remembered for the tab: each test meets its pair for the first time.
    sessionStorage.clear();
  });

  it("takes the focus when it opens, a choice by keyboard emits it, and the focus goes back", async () => {
    const sink = memorySink();
    render(<Chat sink={sink} />);
    const prompt = await regenerateByKeyboard();
    expect(screen.getByText("3 / 3")).toBeVisible();
    await userEvent.keyboard("{Tab}");
    expect(within(prompt).getByRole("button", { name: "This one Response 1" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    expect(screen.queryByRole("group", { name: "Which response is better?" })).toBeNull();
    expect(screen.getByRole("button", { name: "Regenerate" })).toHaveFocus();
    expect(screen.getByText("Thanks for your feedback")).toBeVisible();
    await waitFor(() => expect(sink.events.filter((event) => event.type === "preference")).toHaveLength(1));
    expect(sink.events.find((event) => event.type === "preference")).toMatchObject({
      messageId: "v2",
      rejectedMessageId: "v3",
      strength: "clear",
      source: "compare",
    });
  });

  it("Escape skips: nothing emitted, the focus goes back", async () => {
    const sink = memorySink();
    render(<Chat sink={sink} />);
    await regenerateByKeyboard();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("group", { name: "Which response is better?" })).toBeNull();
    expect(screen.getByRole("button", { name: "Regenerate" })).toHaveFocus();
    await act(async () => {});
    expect(sink.events.filter((event) => event.type === "preference")).toEqual([]);
  });
});

describe.each([320, 390, 1280])("ComparePrompt at %i px", (width) => {
  beforeEach(async () => {
    await page.viewport(width, 800);
    sessionStorage.clear();
  });

  it.each(["ltr", "rtl"] as const)("%s: opens below the answer with no jump above it, and fits", async (dir) => {
    render(<Chat sink={memorySink()} dir={dir} />);
    const scroller = screen.getByTestId("scroller");
    // The user is at the end of the conversation, as after a regenerate.
    scroller.scrollTop = scroller.scrollHeight;
    const answerBefore = top("answer");
    const composerBefore = top("composer");
    const barBefore = screen.getByRole("toolbar").getBoundingClientRect().top;
    // Opened by the app (a regenerate just finished) for the two answers, the newest one on screen.
    await act(async () => {
      screen.getByRole("button", { name: "Ask which is better" }).click();
    });
    const prompt = await screen.findByRole("group", { name: "Which response is better?" });
    await waitFor(() => expect(prompt).toHaveFocus());
    // It opened under the answer: nothing above it moved, nor the composer.
    expect(top("answer")).toBe(answerBefore);
    expect(screen.getByRole("toolbar").getBoundingClientRect().top).toBe(barBefore);
    expect(top("composer")).toBe(composerBefore);
    expect(prompt.getBoundingClientRect().top).toBeGreaterThanOrEqual(
      screen.getByRole("toolbar").getBoundingClientRect().bottom,
    );

    const [first, second] = prompt.querySelectorAll<HTMLElement>(".rfl-compare__option");
    const a = first?.getBoundingClientRect() as DOMRect;
    const b = second?.getBoundingClientRect() as DOMRect;
    if (width >= 1280) {
      // Side by side, Response 1 at the start of the line.
      expect(a.top).toBe(b.top);
      if (dir === "ltr") expect(a.left).toBeLessThan(b.left);
      else expect(a.left).toBeGreaterThan(b.left);
    } else {
      expect(b.top).toBeGreaterThanOrEqual(a.bottom);
    }
    // Nothing wider than the page or the prompt.
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
    const box = prompt.getBoundingClientRect();
    for (const element of prompt.querySelectorAll("*")) {
      const rect = element.getBoundingClientRect();
      expect(rect.left).toBeGreaterThanOrEqual(box.left - 0.5);
      expect(rect.right).toBeLessThanOrEqual(box.right + 0.5);
    }
  });
});

describe("AnswerVersions and ComparePrompt with axe", () => {
  it.each([
    ["light", "ltr"],
    ["dark", "ltr"],
    ["light", "rtl"],
    ["dark", "rtl"],
  ] as const)("%s, %s: no violation with the stepper, the open prompt and its thank-you", async (theme, dir) => {
    sessionStorage.clear();
    await page.viewport(390, 800);
    render(<Chat sink={memorySink()} theme={theme} dir={dir} compare />);
    await screen.findByRole("group", { name: "Which response is better?" });
    await expectNoAxeViolations();
    screen.getByRole("button", { name: "About the same" }).click();
    await screen.findByText("Thanks for your feedback");
    await expectNoAxeViolations();
  });
});

describe("AnswerVersions and ComparePrompt under a coarse pointer", () => {
  afterEach(async () => {
    await cdp().send("Emulation.setTouchEmulationEnabled", { enabled: false });
  });

  it("every button of the stepper and the prompt is at least 44 by 44 px", async () => {
    sessionStorage.clear();
    await page.viewport(390, 800);
    await cdp().send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 5 });
    expect(matchMedia("(pointer: coarse)").matches).toBe(true);
    render(<Chat sink={memorySink()} compare />);
    const prompt = await screen.findByRole("group", { name: "Which response is better?" });
    const buttons = [
      ...within(screen.getByRole("group", { name: "Answer versions" })).getAllByRole("button"),
      ...within(prompt).getAllByRole("button"),
    ];
    expect(buttons).toHaveLength(6);
    for (const button of buttons) {
      const { width, height } = button.getBoundingClientRect();
      expect(
        Math.min(width, height),
        button.textContent || button.getAttribute("aria-label") || "",
      ).toBeGreaterThanOrEqual(44);
    }
  });
});
