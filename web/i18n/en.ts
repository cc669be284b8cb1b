/**
 * The playground's own English strings, looked up by key through `t()`. Kubernetes' words (column
 * headers, statuses, reasons) are not here: they are printed exactly as kubectl prints them and
 * never translated. `{name}` marks a parameter.
 */
export const en = {
  "app.title": "Kubeplay",
  "app.tagline": "A Kubernetes cluster in your browser tab",
  "app.connecting": "Starting the engine…",
  "app.fatal.title": "The engine stopped",
  "app.fatal.reload": "Reload",

  "editor.title": "Scenario",
  "editor.hint": "Kubernetes YAML, one or more documents separated by ---",
  "editor.label": "Scenario YAML",
  "editor.apply": "Apply",
  "editor.apply.title": "Load this scenario into a fresh cluster (Ctrl+Enter)",

  "errors.title": "Problems",
  "errors.count": "{count} problems",
  "errors.count.one": "1 problem",
  "errors.at": "document {doc}, line {line}, column {column}: {message}",
  "errors.atDoc": "document {doc}: {message}",
  "errors.source.load": "Scenario",
  "errors.source.apply": "Apply",
  "errors.source.action": "Action",

  "timeline.play": "Play",
  "timeline.pause": "Pause",
  "timeline.step": "Step",
  "timeline.step.title": "Process the next engine event",
  "timeline.speed": "Speed",
  "timeline.speed.option": "{speed}×",
  "timeline.time": "t = {time}",
  "timeline.time.label": "Virtual time",
  "timeline.lastStep": "Last step",
  "timeline.stepAt": "at {time}",
  "timeline.noStep": "none yet: press Step to process one engine event",
  "timeline.nextEvent": "next event at {time}",
  "timeline.idle": "nothing scheduled",
  "timeline.running": "Running",
  "timeline.paused": "Paused",

  "pods.title": "Pods",
  "pods.empty": "No resources found in default namespace.",
  "events.title": "Events",
  "events.empty": "No events yet. Press play or step to run the cluster.",
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
