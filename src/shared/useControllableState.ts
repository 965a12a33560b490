import { useCallback, useState } from "react";
import { useLatest } from "./useLatest";
import { warnOnce } from "./warnOnce";

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
 * Warns once in development when a component switches between the two, as React does for inputs: decided
 * as it renders, not by an effect that a thousand thumbs on a page would each mount.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  name,
}: ControllableStateOptions<T>): [T, (next: T) => void] {
  const [uncontrolled, setUncontrolled] = useState(defaultProp);
  const isControlled = prop !== undefined;
  // The mode of the first render decides; a render in the other mode is the mistake React warns of for inputs.
  const [startedControlled] = useState(isControlled);
  if (startedControlled !== isControlled) {
    const from = startedControlled ? "controlled" : "uncontrolled";
    const to = isControlled ? "controlled" : "uncontrolled";
    warnOnce(
      `${name} is changing from ${from} to ${to}. Decide for the component's lifetime: pass a value always (null for none), or never and use the default.`,
    );
  }
  const value = isControlled ? prop : uncontrolled;
  const latest = useLatest({ isControlled, onChange });
  const setValue = useCallback(
    (next: T) => {
      const { isControlled, onChange } = latest.current;
      if (!isControlled) setUncontrolled(next);
      onChange?.(next);
    },
    [latest],
  );
  return [value, setValue];
}
