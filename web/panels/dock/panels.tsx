/**
 * The dock's panels, registered by id. The next panels (scheduler "why?", describe, logs, the
 * kubectl console, diagrams) join this list; each is a component that reads the store.
 */
import type { ReactNode } from "react";
import type { MessageKey } from "../../i18n";
import type { PanelId } from "../../state/layout";
import { DetailsPanel } from "../details/DetailsPanel";
import { EventList } from "../events/EventList";
import { PodTable } from "../pods/PodTable";
import { ConsolePanel, DiagramsPanel, InspectorPanel, WhyPanel } from "../lazy";

export interface PanelEntry {
  id: PanelId;
  label: MessageKey;
  render(): ReactNode;
}

export const PANELS: readonly PanelEntry[] = [
  { id: "details", label: "dock.details", render: () => <DetailsPanel /> },
  { id: "events", label: "dock.events", render: () => <EventList /> },
  { id: "pods", label: "dock.pods", render: () => <PodTable /> },
  { id: "inspector", label: "dock.inspector", render: () => <InspectorPanel /> },
  { id: "why", label: "dock.why", render: () => <WhyPanel /> },
  { id: "console", label: "dock.console", render: () => <ConsolePanel /> },
  { id: "diagrams", label: "dock.diagrams", render: () => <DiagramsPanel /> },
];
