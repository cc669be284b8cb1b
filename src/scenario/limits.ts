/**
 * Bounds on what the loader accepts, so that no input (a paste, a shared link, a hostile file) can
 * crash or hang the engine. Each one, when exceeded, is a clear error, never a silent truncation.
 */
export const LIMITS = {
  /** Size of the YAML text, in UTF-8 bytes (2 MiB). */
  maxTextBytes: 2 * 1024 * 1024,
  /** Documents in one stream (items of a `kind: List` count as documents). */
  maxDocuments: 1000,
  /** Alias expansions per document (the `yaml` package's default), against "billion laughs" bombs. */
  maxAliasCount: 100,
  /** Nesting of collections in a document; real manifests stay under 20. */
  maxDepth: 64,
  /** spec.replicas / parallelism / completions / HPA maxReplicas of one object. */
  maxReplicas: 1000,
  /** Nodes the Scenario's cluster shorthand may create. */
  maxNodes: 5000,
  /** Entries in a Scenario's spec.actions. */
  maxActions: 10_000,
  /** Field errors reported per document; the rest are summarised in one line. */
  maxErrorsPerDocument: 50,
} as const;
