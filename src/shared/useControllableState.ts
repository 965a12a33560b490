import { useCallback, useEffect, useRef, useState } from "react";
import { isDevelopment } from "./isDevelopment";
import { useEffectEvent, useLatest } from "./useLatest";

/** What `useControllableState` takes: the prop, its default, and the change callback. */
export interface ControllableStateOptions<T> {
  /** The controlled value; `undefined` means uncontrolled. */
  prop: T | undefined;
  /** The first value when uncontrolled. */
  defaultProp: T;
  /** Hears every change the component asks for, controlled or not. */
  onChange?: ((value: T) => void) | undefined;
  /** Names the component and prop in the development warning, e.g. `"ThumbsFeedback value"`. */
  name: string;
}

/**
 * One value a user can set, controlled (`prop` given) or uncontrolled (`defaultProp`), behind one setter.
 * Warns once in development when a component switches between the two, as React does for inputs.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  name,
}: ControllableStateOptions<T>): [T, (next: T) => void] {
  const [uncontrolled, setUncontrolled] = useState(defaultProp);
  const isControlled = prop !== undefined;
  const wasControlled = useRef(isControlled);
  useEffect(() => {
    if (wasControlled.current === isControlled) return;
    if (isDevelopment()) {
      const from = wasControlled.current ? "controlled" : "uncontrolled";
      const to = isControlled ? "controlled" : "uncontrolled";
      console.warn(
        `[react-feedback-loop] ${name} is changing from ${from} to ${to}. Decide for the component's lifetime: pass a value always (null for none), or never and use the default.`,
      );
    }
    wasControlled.current = isControlled;
  }, [isControlled, name]);
  const value = isControlled ? prop : uncontrolled;
  const controlled = useLatest(isControlled);
  const changed = useEffectEvent((next: T) => onChange?.(next));
  const setValue = useCallback(
    (next: T) => {
      if (!controlled.current) setUncontrolled(next);
      changed(next);
    },
    [controlled, changed],
  );
  return [value, setValue];
}
