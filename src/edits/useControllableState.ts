import { useCallback, useEffect, useRef, useState } from "react";

const isDevelopment = typeof process !== "undefined" && process.env?.NODE_ENV !== "production";

/**
 * A value the parent may control (`prop` defined) or leave to the component (`defaultProp`), with one
 * `onChange` either way. Warns in development when a component switches between the two, as React does for
 * inputs.
 */
export function useControllableState<T>(
  prop: T | undefined,
  defaultProp: T,
  onChange: ((value: T) => void) | undefined,
  name: string,
): [T, (value: T) => void] {
  const [own, setOwn] = useState(defaultProp);
  const controlled = prop !== undefined;
  const wasControlled = useRef(controlled);
  useEffect(() => {
    if (wasControlled.current === controlled) return;
    if (isDevelopment) {
      console.warn(
        `[react-feedback-loop] ${name} switched from ${wasControlled.current ? "controlled" : "uncontrolled"} to ${controlled ? "controlled" : "uncontrolled"}. Pass the prop always, or never.`,
      );
    }
    wasControlled.current = controlled;
  }, [controlled, name]);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const controlledRef = useRef(controlled);
  controlledRef.current = controlled;
  const set = useCallback((value: T) => {
    if (!controlledRef.current) setOwn(value);
    onChangeRef.current?.(value);
  }, []);
  return [controlled ? (prop as T) : own, set];
}
