import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { CopyButton, RegenerateButton, ThumbButton, ThumbsFeedback } from "../../src";
import { renderInMessage } from "./renderInMessage";

// The tooltip mounts beside its button on the first hover, focus or press; these check that the button
// keeps its element, its focus and its handlers when that happens.
describe("widget tooltips", () => {
  it("shows on keyboard focus without moving the focus, and describes the focused button", async () => {
    const { user } = renderInMessage(<ThumbsFeedback />);
    const up = screen.getByRole("button", { name: "Good response" });
    expect(up).not.toHaveAttribute("aria-describedby");

    await user.tab();
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Good response");
    expect(up).toHaveFocus();
    expect(screen.getByRole("button", { name: "Good response" })).toBe(up);
    expect(up).toHaveAccessibleDescription("Good response");

    await user.tab();
    const down = screen.getByRole("button", { name: "Bad response" });
    expect(down).toHaveFocus();
    await waitFor(() => expect(screen.getByRole("tooltip")).toHaveTextContent("Bad response"));
    expect(screen.getAllByRole("tooltip")).toHaveLength(1);
    expect(up).not.toHaveAttribute("aria-describedby");
  });

  it("shows on hover after its delay, and Escape hides it", async () => {
    const { user } = renderInMessage(<CopyButton />);
    await user.hover(screen.getByRole("button", { name: "Copy" }));
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Copy");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument();
  });

  it("runs the app's own handlers first and works on an asChild button", async () => {
    const onFocus = vi.fn();
    const onPointerMove = vi.fn();
    const { user } = renderInMessage(
      <>
        <ThumbsFeedback>
          <ThumbButton thumb="up" asChild onFocus={onFocus}>
            <button type="button">Helpful</button>
          </ThumbButton>
        </ThumbsFeedback>
        <RegenerateButton onRegenerate={() => {}} onPointerMove={onPointerMove} />
      </>,
    );
    await user.tab();
    expect(screen.getByRole("button", { name: "Helpful" })).toHaveFocus();
    expect(onFocus).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Good response");

    await user.hover(screen.getByRole("button", { name: "Regenerate" }));
    expect(onPointerMove).toHaveBeenCalled();
    await waitFor(() => expect(screen.getByRole("tooltip")).toHaveTextContent("Regenerate"));
  });

  it("does not open on a focus that comes from a pointer press, as Radix does, but on a later keyboard focus", async () => {
    const { user } = renderInMessage(<RegenerateButton onRegenerate={() => {}} />);
    const button = screen.getByRole("button", { name: "Regenerate" });
    fireEvent.pointerDown(button, { pointerType: "touch" });
    act(() => button.focus());
    fireEvent.pointerUp(document, { pointerType: "touch" });
    expect(button).toHaveFocus();
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument();

    act(() => button.blur());
    await user.tab();
    expect(button).toHaveFocus();
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Regenerate");
  });
});
