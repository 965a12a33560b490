// The dashboard's browser script, bundled with React by the build into dist/dashboard.js: the collector
// serves it beside the page it rendered, and it takes over that markup (hydration) without a second fetch.
import { hydrateRoot } from "react-dom/client";
import { DashboardApp, type DashboardProps } from "./DashboardApp";

const root = document.getElementById("rfl-dashboard") as HTMLElement;
const props = JSON.parse(
  (document.getElementById("rfl-dashboard-props") as HTMLElement).textContent as string,
) as DashboardProps;
hydrateRoot(root, <DashboardApp {...props} />);
