import { render, screen } from "@testing-library/react";
import { lazyComponent, lazyModule } from "../../src/shared/lazyModule";

describe("a part of the kit that arrives on first use", () => {
  it("is fetched again after a failed fetch, not refused for the rest of the page's life", async () => {
    let calls = 0;
    const module = lazyModule(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError("Failed to fetch dynamically imported module");
      return { answer: 42 };
    });
    await expect(module.load()).rejects.toThrow("Failed to fetch");
    expect(module.get()).toBeUndefined();
    await expect(module.load()).resolves.toEqual({ answer: 42 });
    expect(module.get()).toEqual({ answer: 42 });
    // Once there, it is never fetched again.
    await module.load();
    expect(calls).toBe(2);
  });

  it("renders a lazy component once a retried preload brings it", async () => {
    let fail = true;
    const Greeting = lazyComponent<{ name: string }>(async () => {
      if (fail) throw new TypeError("Failed to fetch dynamically imported module");
      return ({ name }) => <p>Hello, {name}</p>;
    });
    await expect(Greeting.preload()).rejects.toThrow();
    fail = false;
    await Greeting.preload();
    render(<Greeting name="Ada" />);
    expect(screen.getByText("Hello, Ada")).toBeInTheDocument();
  });
});

describe("a lazy component whose code does not arrive", () => {
  it("renders nothing, throws nothing into the app, and appears on a later mount once the fetch works", async () => {
    let fail = true;
    const Panel = lazyComponent<{ title: string }>(async () => {
      if (fail) throw new TypeError("Failed to fetch dynamically imported module");
      return ({ title }) => <section aria-label={title}>Ready</section>;
    });
    const first = render(
      <main>
        <p>The answer</p>
        <Panel title="Feedback" />
      </main>,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByText("The answer")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Feedback" })).toBeNull();
    first.unmount();
    fail = false;
    render(<Panel title="Feedback" />);
    expect(await screen.findByRole("region", { name: "Feedback" })).toHaveTextContent("Ready");
  });
});
