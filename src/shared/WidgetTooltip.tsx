import { Slot } from "@radix-ui/react-slot";
import * as Tooltip from "@radix-ui/react-tooltip";
import {
  forwardRef,
  type ReactElement,
  type RefObject,
  type SyntheticEvent,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from "react";

/* -------------------------------------------------------------------------------------------------
 * WidgetTooltip
 * -----------------------------------------------------------------------------------------------*/

/** Props of `WidgetTooltip`. */
export interface WidgetTooltipProps {
  /** The tooltip text; `false` renders the trigger alone. */
  label: string | false;
  /** One element that forwards its ref and props (the button). */
  children: ReactElement;
}

/** The events Radix's `Tooltip.Trigger` listens to on its child. */
const TRIGGER_EVENTS = ["onPointerMove", "onPointerLeave", "onPointerDown", "onFocus", "onBlur", "onClick"] as const;
type TriggerEvent = (typeof TRIGGER_EVENTS)[number];
type TriggerHandlers = Partial<Record<TriggerEvent, (event: SyntheticEvent) => void>>;

/** What the button and the lazily mounted tooltip share. */
interface Relay {
  /** The trigger's handlers once the tooltip is mounted. */
  handlers: TriggerHandlers | null;
  /** Events since the tooltip was asked for, handed to it in order when it mounts. */
  pending: [TriggerEvent, SyntheticEvent][];
}

/** Hover with a mouse or pen, focus, or a press (so that a focus by pointer does not open it, as in Radix). */
function asksForTooltip(name: TriggerEvent, event: SyntheticEvent): boolean {
  if (name === "onPointerMove") return (event.nativeEvent as PointerEvent).pointerType !== "touch";
  return name === "onFocus" || name === "onPointerDown";
}

/**
 * A Radix tooltip on one widget button, with its own `Tooltip.Provider` so apps need no extra wrapper.
 *
 * A mounted Radix tooltip costs several times a plain button, and most buttons in a chat are never hovered.
 * So the button first carries only small handlers; the first hover, focus or press mounts the tooltip
 * beside the button (never around it: that would remount the button and lose its focus), and the events so
 * far are handed to Radix's trigger, which from then on gets every event as if it wrapped the button.
 */
export function WidgetTooltip({ label, children }: WidgetTooltipProps) {
  const [asked, setAsked] = useState(false);
  const [describedBy, setDescribedBy] = useState<string>();
  const button = useRef<HTMLElement>(null);
  const relay = useRef<Relay>({ handlers: null, pending: [] });
  if (label === false) return children;

  const relayed: TriggerHandlers = {};
  for (const name of TRIGGER_EVENTS) {
    relayed[name] = (event) => {
      const { handlers, pending } = relay.current;
      if (handlers) return handlers[name]?.(event);
      if (pending.length === 0 && !asksForTooltip(name, event)) return;
      pending.push([name, event]);
      setAsked(true);
    };
  }
  return (
    <>
      <Slot ref={button} aria-describedby={describedBy} {...relayed}>
        {children}
      </Slot>
      {asked && (
        <Tooltip.Provider delayDuration={500}>
          <Tooltip.Root>
            <Tooltip.Trigger asChild>
              <TriggerRelay button={button} relay={relay} onDescribedByChange={setDescribedBy} />
            </Tooltip.Trigger>
            <Tooltip.Portal>
              <Tooltip.Content className="rfl-tooltip" sideOffset={4}>
                {label}
              </Tooltip.Content>
            </Tooltip.Portal>
          </Tooltip.Root>
        </Tooltip.Provider>
      )}
    </>
  );
}

/* -------------------------------------------------------------------------------------------------
 * TriggerRelay
 * -----------------------------------------------------------------------------------------------*/

interface TriggerRelayProps extends TriggerHandlers {
  button: RefObject<HTMLElement | null>;
  relay: RefObject<Relay>;
  onDescribedByChange: (id: string | undefined) => void;
  "aria-describedby"?: string;
}

/**
 * The child of `Tooltip.Trigger`: it renders nothing, gives Radix the button as the trigger's element (the
 * anchor the tooltip is placed against), and passes the trigger's handlers and description to the button.
 */
const TriggerRelay = /* @__PURE__ */ forwardRef<HTMLElement, TriggerRelayProps>(function TriggerRelay(
  { button, relay, onDescribedByChange, "aria-describedby": describedBy, ...triggerProps },
  ref,
) {
  // The button mounted before the tooltip was asked for, so it is there.
  useImperativeHandle(ref, () => button.current as HTMLElement, [button]);

  useLayoutEffect(() => {
    const handlers: TriggerHandlers = {};
    for (const name of TRIGGER_EVENTS) handlers[name] = triggerProps[name];
    relay.current.handlers = handlers;
    for (const [name, event] of relay.current.pending.splice(0)) handlers[name]?.(event);
    return () => {
      relay.current.handlers = null;
    };
  });

  useLayoutEffect(() => onDescribedByChange(describedBy), [describedBy, onDescribedByChange]);
  return null;
});
