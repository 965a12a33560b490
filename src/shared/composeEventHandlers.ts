/**
 * Runs the app's handler first; ours runs only if the app did not call `event.preventDefault()`.
 *
 * With `asChild`, our Slot already runs the child's handler before the slot's; ours then checks
 * `defaultPrevented` the same way.
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}
