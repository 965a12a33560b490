import type { MouseEvent } from "react";
import { composeEventHandlers } from "./composeEventHandlers";

/** The app's own handlers for a button a hook drives; they run first and may `preventDefault()` ours. */
export interface OwnButtonHandlers {
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
}

/** What every widget hook's `getButtonProps` returns at least: spread it on a `<button>` of your own. */
export interface ActionButtonProps<State extends string> {
  type: "button";
  /** The label for the current state; your button's own text or `aria-label` may name it instead. */
  "aria-label": string;
  "data-state": State;
  disabled: boolean | undefined;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
}

/**
 * The props of one action button: named by the label of its state, disabled only when it can do nothing,
 * and pressing it runs `press` unless the app's own `onClick` called `preventDefault()`.
 */
export function actionButtonProps<State extends string>(
  label: string,
  state: State,
  disabled: boolean,
  press: () => void,
  own: OwnButtonHandlers = {},
): ActionButtonProps<State> {
  return {
    type: "button",
    "aria-label": label,
    "data-state": state,
    disabled: disabled || undefined,
    onClick: composeEventHandlers(own.onClick, press),
  };
}
