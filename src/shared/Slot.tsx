import {
  type CSSProperties,
  cloneElement,
  forwardRef,
  type HTMLAttributes,
  isValidElement,
  type ReactElement,
  type Ref,
  type RefCallback,
  version,
} from "react";

type AnyProps = Record<string, unknown>;

/** One ref from several: each gets the element (a function ref, or an object's `current`). */
function composeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === "function") ref(node);
      else if (ref) ref.current = node;
    }
  };
}

/** The child's ref: a prop from React 19 on (where reading `element.ref` warns), a field of the element before. */
function childRef(child: ReactElement): Ref<unknown> | undefined {
  const holder = Number.parseInt(version, 10) >= 19 ? child.props : child;
  return (holder as { ref?: Ref<unknown> }).ref;
}

/**
 * Our props on the app's own element (`asChild`): the child's props win, except that handlers run both (the
 * child's first: it may call `preventDefault()` to stop ours), class names join, styles merge and refs compose.
 */
export const Slot = /* @__PURE__ */ forwardRef<HTMLElement, HTMLAttributes<HTMLElement> & { children?: unknown }>(
  function Slot({ children, ...slotProps }, ref) {
    if (!isValidElement(children)) return null;
    const child = children as ReactElement<AnyProps>;
    const merged: AnyProps = { ...slotProps, ...child.props };
    for (const [key, ours] of Object.entries(slotProps as AnyProps)) {
      const theirs = child.props[key];
      if (/^on[A-Z]/.test(key) && typeof ours === "function" && typeof theirs === "function") {
        merged[key] = (...args: unknown[]) => {
          theirs(...args);
          ours(...args);
        };
      } else if (key === "className" && theirs) {
        merged[key] = `${ours} ${theirs}`;
      } else if (key === "style" && theirs) {
        merged[key] = { ...(ours as CSSProperties), ...(theirs as CSSProperties) };
      }
    }
    merged.ref = ref ? composeRefs(ref, childRef(child)) : childRef(child);
    return cloneElement(child, merged);
  },
);
