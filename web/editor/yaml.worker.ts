// monaco-yaml's language worker, bundled by Vite from this local entry (`?worker`): imported
// directly from the package, Vite's worker bundling fails (monaco-yaml README, "Why doesn't it
// work with Vite?").
import "monaco-yaml/yaml.worker.js";
