// Types for the two modules the benchmarks import that ship none.

// The little of jsdom's API the benchmarks use.
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string, options?: { pretendToBeVisual?: boolean; url?: string });
    readonly window: Window & typeof globalThis;
  }
}

// React's profiling build: the production client that still calls <Profiler onRender>.
declare module "react-dom/profiling" {
  export * from "react-dom/client";
}
