// Unit tests import components that import their CSS (Vite bundles it; Vitest stubs it). The node-side
// tsconfig has no vite/client types, and TypeScript 6 checks side-effect imports by default, so
// without this `import './x.css'` in a component fails `tsc -b` when a test pulls the component in.
/// <reference types="vite/client" />
