import { render, screen } from "@testing-library/react";
import { DiffView, diffWords } from "../../src";

describe("DiffView", () => {
  it("renders removed and added text in del and ins, each announced", () => {
    const { diff } = diffWords("The cat sat.", "The cat slept.");
    const { container } = render(<DiffView diff={diff} />);
    const removed = container.querySelector("del");
    const added = container.querySelector("ins");
    expect(removed).toHaveTextContent("[removed: sat]");
    expect(added).toHaveTextContent("[added: slept]");
    expect(container.firstElementChild).toHaveTextContent("The cat [removed: sat][added: slept].");
  });

  it("renders text, never HTML, and takes translated labels", () => {
    const { container } = render(
      <DiffView
        diff={[
          [0, "<img src=x onerror=alert(1)> "],
          [1, "<b>bold</b>"],
        ]}
        labels={{ diffAdded: "ajouté" }}
      />,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getByText("<b>bold</b>")).toBeInTheDocument();
    expect(container.querySelector("ins")).toHaveTextContent("[ajouté: <b>bold</b>]");
  });
});
