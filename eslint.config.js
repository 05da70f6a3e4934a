import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

// Layer direction (CONTRIBUTING.md, house rules): protocol <- connection <- store <- features <- app.
// lib/ and components/ are leaf helpers usable from store/features/app; the simulator may
// import only src/protocol, and nothing in src/ may import the simulator.
const features = ['connection-panel', 'subscriptions', 'timeline', 'event-detail', 'status-bar'];
const layerZones = [
  { target: './src/protocol', from: './src', except: ['./protocol'], message: 'protocol/ is pure and imports nothing else from src/.' },
  {
    target: './src/connection',
    from: ['./src/store', './src/features', './src/app', './src/lib', './src/components'],
    message: 'connection/ may import only protocol/.',
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
  { target: './src', from: ['./simulator', './tests', './bench'], message: 'src/ must not import the simulator, tests or benchmarks.' },
  { target: './simulator', from: './src', except: ['./protocol'], message: 'The simulator imports only src/protocol.' },
  // Feature folders never import each other; the app layer composes them.
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'Feature folders never import each other; compose them in app/.',
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/out'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
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
