import { type ComponentType, createElement, type ReactElement, useEffect, useReducer } from "react";

/** A module fetched on first use: `load` starts it (once, or again after a failure), `get` has it once it arrived. */
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
      loading ??= importer().then(
        (module) => {
          loaded = module;
          return module;
        },
        (error: unknown) => {
          // A chunk that failed to arrive (a network blip, a deploy in between) is fetched again next time.
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    get: () => loaded,
  };
}

/** A component that arrives on first use (see `lazyComponent`). */
export type LazyComponent<P> = ((props: P) => ReactElement | null) & {
  /** Starts loading (once); resolves when it can render at once, e.g. before a server render. */
  preload: () => Promise<void>;
};

/**
 * A component that arrives on first use: it renders at once when its code is there, else nothing until it
 * arrives. Call `preload` when the user shows intent (hover, focus), so it is there before it is rendered.
 * A fetch that fails renders nothing and is tried again on the next mount or `preload`: the app around it never
 * sees the error (React's `lazy` would throw it into the app and remember it for the page's life).
 */
export function lazyComponent<P extends object>(importer: () => Promise<ComponentType<P>>): LazyComponent<P> {
  const module = lazyModule(importer);
  const Shell = (props: P) => {
    const [, arrived] = useReducer((count: number) => count + 1, 0);
    const Loaded = module.get();
    useEffect(() => {
      if (Loaded) return;
      let mounted = true;
      module.load().then(
        () => mounted && arrived(),
        () => {
          // Nothing to show; the next mount or hover fetches it again.
        },
      );
      return () => {
        mounted = false;
      };
    }, [Loaded]);
    return Loaded ? createElement(Loaded, props) : null;
  };
  return Object.assign(Shell, { preload: () => module.load().then(() => undefined) });
}
