import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { FeedbackInsights, summarize } from "../../src/insights";
import { insightsFixture, preferenceFixture } from "./insightsFixture";

describe("the dashboard's choices between two answers", () => {
  it("shows them by source and strength, read from the keyboard and as a table", async () => {
    const user = userEvent.setup();
    render(<FeedbackInsights summary={await summarize([...insightsFixture(), ...preferenceFixture()])} />);
    const chart = screen.getByRole("group", { name: "Which answer was better" });
    const figure = chart.closest("figure") as HTMLElement;
    expect(
      within(figure).getByText("4 choices between two answers: 3 asked side by side, 1 from the version kept; 1 tie."),
    ).toBeInTheDocument();
    chart.focus();
    await user.keyboard("{ArrowRight}");
    expect(
      within(chart).getByText("Asked side by side: 3 (Clear 2, Slight 0, About the same 1)", {
        selector: "[aria-live]",
      }),
    ).toBeInTheDocument();
    await user.click(within(figure).getByRole("button", { name: "Show as table" }));
    const table = within(figure).getByRole("table");
    const row = within(table).getByRole("rowheader", { name: "Version kept" }).closest("tr") as HTMLElement;
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["0", "1", "0", "1"]);
  });

  it("is left out when nobody chose between two answers", async () => {
    render(<FeedbackInsights summary={await summarize(insightsFixture())} />);
    expect(screen.getByRole("group", { name: "Copies by source" })).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: "Which answer was better" })).not.toBeInTheDocument();
  });

  it("takes translated labels", async () => {
    render(
      <FeedbackInsights
        summary={await summarize(preferenceFixture())}
        labels={{
          preferencesTitle: "Quelle réponse était meilleure",
          preferenceSources: { compare: "Comparées", kept: "Version gardée" },
        }}
      />,
    );
    const chart = screen.getByRole("group", { name: "Quelle réponse était meilleure" });
    await userEvent.click(
      within(chart.closest("figure") as HTMLElement).getByRole("button", { name: "Show as table" }),
    );
    expect(screen.getByRole("rowheader", { name: "Version gardée" })).toBeInTheDocument();
  });
});
