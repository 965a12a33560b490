// The little of jsdom's API the benchmarks use (jsdom ships no types; this avoids a package for three lines).
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string, options?: { pretendToBeVisual?: boolean; url?: string });
    readonly window: Window & typeof globalThis;
  }
}
