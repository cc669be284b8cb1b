import { FatalBanner } from "./app/FatalBanner";
import { TitleBar } from "./app/TitleBar";
import { ScenarioEditor } from "./editor/ScenarioEditor";
import { EventList } from "./panels/events/EventList";
import { PodTable } from "./panels/pods/PodTable";
import { Timeline } from "./panels/timeline/Timeline";

/** The layout shell: the scenario on the left, the running cluster on the right. */
export function App() {
  return (
    <div className="app">
      <TitleBar />
      <FatalBanner />
      <main className="workspace">
        <div className="column column-editor">
          <ScenarioEditor />
        </div>
        <div className="column column-cluster">
          <Timeline />
          <PodTable />
          <EventList />
        </div>
      </main>
    </div>
  );
}
