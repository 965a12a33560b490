import { type ComponentType, createElement, lazy, type ReactElement, Suspense } from "react";

/** A module fetched on first use: `load` starts it (once), `get` has it once it arrived. */
export interface LazyModule<M> {
  /** Starts loading (once) and resolves to the module: call it on hover or focus, before it is needed. */
  load: () => Promise<M>;
  /** The module if it has arrived, so code that can run at once does. */
  get: () => M | undefined;
}

/**
 * A part of the kit that a page does not need for its first render (the follow-up form, the diff engine): a
 * bundler puts what `importer` imports into its own chunk, fetched the first time `load` is called.
 */
export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let loading: Promise<M> | undefined;
  let loaded: M | undefined;
  return {
    load: () => {
      loading ??= importer().then((module) => {
        loaded = module;
        return module;
      });
      return loading;
    },
    get: () => loaded,
  };
}

/** A component that arrives on first use (see `lazyComponent`). */
export type LazyComponent<P> = ((props: P) => ReactElement) & {
  /** Starts loading (once); resolves when it can render at once, e.g. before a server render. */
  preload: () => Promise<void>;
};

/**
 * A component that arrives on first use: it renders at once when its code is there, else nothing until it
 * arrives (inside its own `<Suspense>`). Call `preload` when the user shows intent (hover, focus), so it is
 * there before it is rendered.
 */
export function lazyComponent<P extends object>(importer: () => Promise<ComponentType<P>>): LazyComponent<P> {
  const module = lazyModule(importer);
  const Lazy = lazy(() => module.load().then((component) => ({ default: component })));
  const Shell = (props: P) => {
    const Loaded = module.get();
    if (Loaded) return createElement(Loaded, props);
    return createElement(Suspense, { fallback: null }, createElement(Lazy, props));
  };
  return Object.assign(Shell, { preload: () => module.load().then(() => undefined) });
}
