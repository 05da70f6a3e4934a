import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import checkFile from 'eslint-plugin-check-file';
import { readdirSync } from 'node:fs';
import path from 'node:path';

// Zones resolve against this folder, not the shell's cwd, so lint means the same from anywhere.
const root = import.meta.dirname;

const featuresDir = path.join(root, 'src/features');
const featureNames = readdirSync(featuresDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const FEATURE_MESSAGE = 'Feature folders never import each other; compose them in app/.';

// Feature folders never import each other. no-restricted-paths takes globs (target, from and
// except; except must then be an absolute glob) but has no capture, so "any folder but my own"
// needs one zone per folder: the folders are listed when the config loads, and each zone's `from`
// is a glob over all of src/features, so it also covers folders the listing does not know.
// The last zone covers a folder made after the listing (an editor's long-running ESLint, or a
// path linted before it exists): it may not import any listed folder.
const featureZones = [
  ...featureNames.map((name) => ({
    target: `${featuresDir}/${name}/**`,
    from: [`${featuresDir}/**`],
    except: [`${featuresDir}/${name}/**`],
    message: FEATURE_MESSAGE,
  })),
  {
    target: `${featuresDir}/!(${featureNames.join('|')})/**`,
    from: featureNames.map((name) => `${featuresDir}/${name}/**`),
    message: FEATURE_MESSAGE,
  },
];

// Layer direction (CONTRIBUTING.md, house rules): protocol <- connection <- store <- features <- app.
// lib/ and components/ are leaf helpers usable from store/features/app (and lib/ from connection/,
// whose socket worker computes each event's changed paths with lib's diff); the simulator may
// import only src/protocol, and nothing in src/ may import the simulator.
const layerZones = [
  { target: './src/protocol', from: './src', except: ['./protocol'], message: 'protocol/ is pure and imports nothing else from src/.' },
  {
    target: './src/connection',
    from: ['./src/store', './src/features', './src/app', './src/components'],
    message: 'connection/ may import only protocol/ and lib/.',
  },
  {
    target: './src/lib',
    from: ['./src/connection', './src/store', './src/features', './src/app'],
    message: 'lib/ holds adapters; it may import only protocol/.',
  },
  {
    target: './src/store',
    from: ['./src/features', './src/app', './src/components'],
    message: 'store/ must not import features/ or app/.',
  },
  {
    target: './src/components',
    from: ['./src/features', './src/app', './src/store', './src/connection'],
    message: 'components/ are presentational.',
  },
  { target: './src/features', from: './src/app', message: 'features/ must not import app/.' },
  {
    target: './src/features',
    from: './src/connection',
    message: 'features/ reach connection/ only through the store (docs/architecture.md, Layers).',
  },
  { target: './src', from: ['./simulator', './tests', './bench'], message: 'src/ must not import the simulator, tests or benchmarks.' },
  { target: './simulator', from: './src', except: ['./protocol'], message: 'The simulator imports only src/protocol.' },
  ...featureZones,
];

// House rule 8: files and folders kebab-case. A middle extension (`.test`, `.spec`) is not part
// of the name. tests/fixtures/drp-objects/*.json are named after DRP's own type names
// (`plugin_providers`), so data files are left out; Markdown keeps README/RESULTS.
const namedTrees = '{src,simulator,tests,bench,scripts}';
const namedFiles = [`${namedTrees}/**/*.{ts,tsx,js,css}`];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/out'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones, basePath: root }],
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
  },
  {
    // ESLint parses no CSS; this processor hands it an empty text so the name rules still run.
    files: [`${namedTrees}/**/*.css`],
    processor: 'check-file/eslint-processor-check-file',
  },
  {
    files: namedFiles,
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': ['error', { '**/*': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { [`${namedTrees}/**/`]: 'KEBAB_CASE' }],
    },
  },
  {
    // React's hook rules only where React lives; Playwright fixtures also call a function named `use`.
    files: ['src/**/*.{ts,tsx}'],
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Playwright fixtures must destructure their (possibly empty) dependencies.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
