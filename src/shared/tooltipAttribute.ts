/** The attribute that holds a widget button's tooltip text, shown by the page's one tooltip handler (./tooltips). */
export const TOOLTIP_ATTRIBUTE = "data-rfl-tooltip";
