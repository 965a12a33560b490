import { render, screen } from "@testing-library/react";
import { DiffView, FeedbackProvider, memorySink } from "../../src";
import { diffWords } from "../../src/datasets";
import { labels as de } from "../../src/locales/de";

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

describe("DiffView, folded and translated", () => {
  it("folds under a summary with the counts in the right plural forms", async () => {
    const { container } = render(
      <DiffView diff={diffWords("The cat sat.", "The big cat slept there.").diff} collapsible />,
    );
    const summary = container.querySelector("summary");
    expect(summary).toHaveTextContent("What changed");
    expect(summary).toHaveTextContent("3 words added, 1 word removed");
    expect(container.querySelector("details")).not.toHaveAttribute("open");
  });

  it("takes its words from the provider's labels, like every widget", () => {
    render(
      <FeedbackProvider sink={memorySink()} labels={de}>
        <DiffView diff={diffWords("Die Katze saß.", "Die Katze schlief.").diff} collapsible />
      </FeedbackProvider>,
    );
    expect(screen.getByText("Änderungen")).toBeInTheDocument();
    expect(screen.getByText("1 Wort hinzugefügt, 1 Wort entfernt")).toBeInTheDocument();
    expect(document.querySelector("del")).toHaveTextContent("[entfernt: saß]");
  });
});
