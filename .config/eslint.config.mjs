import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The layers, lowest first. Inside src/ dependencies point one way: align < document < formats |
 * corrector < batch | api < cli, where formats and corrector are peers and never import each
 * other, and so are batch (a document file through the corrector, the job queue) and api. A
 * layer's files may not import any layer listed after it, nor its peer.
 */
const SRC_LAYERS = [
  { name: 'align', forbidden: ['document', 'formats', 'corrector', 'batch', 'api', 'cli'] },
  { name: 'document', forbidden: ['formats', 'corrector', 'batch', 'api', 'cli'] },
  { name: 'formats', forbidden: ['corrector', 'batch', 'api', 'cli'] },
  { name: 'corrector', forbidden: ['formats', 'batch', 'api', 'cli'] },
  { name: 'batch', forbidden: ['api', 'cli'] },
  { name: 'api', forbidden: ['batch', 'cli'] },
  { name: 'cli', forbidden: [] },
];

/** No product file imports from test/. */
const NO_TEST_IMPORTS = {
  group: ['**/test/**'],
  message: 'Product code never imports from test/; move what it needs into src/ or assets/.',
};

/** The core is shared by the CLI, the server and the Electron main process: no framework in it. */
const NO_FRAMEWORK = {
  group: ['electron', 'react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'],
  message: 'src/ is framework-free: no Electron, React or zustand.',
};
const NO_SHELLS = {
  group: ['**/renderer/**', '**/electron/**'],
  message: 'src/ never imports the Electron shell or the renderer.',
};

/** Product code names no test file in a string either (a path read at run time). */
const NO_TEST_PATHS = {
  selector:
    'Literal[value=/(^|[/\\x27"`])test\\/(fixtures|unit|e2e)\\//], TemplateElement[value.raw=/(^|\\/)test\\/(fixtures|unit|e2e)\\//]',
  message: 'Product code never reads from test/; ship the file under assets/.',
};

const srcLayerConfigs = SRC_LAYERS.map(({ name, forbidden }) => ({
  files: [`src/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          NO_FRAMEWORK,
          NO_SHELLS,
          NO_TEST_IMPORTS,
          ...(forbidden.length === 0
            ? []
            : [
                {
                  group: forbidden.flatMap((layer) => [
                    `../${layer}/**`,
                    `**/src/${layer}/**`,
                    `../**/${layer}/**`,
                  ]),
                  message: `src/${name} may not import ${forbidden.join(', ')} (align < document < formats | corrector < batch | api < cli).`,
                },
              ]),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test/artifacts/', 'training/', 'assets/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The core must stay framework-free: it is shared by the CLI, the server and the Electron main process.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_FRAMEWORK, NO_SHELLS, NO_TEST_IMPORTS] }],
      // ...nor the DOM: the core runs in Node (the renderer has its own copy of what it needs).
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'HTMLElement',
      ],
    },
  },
  ...srcLayerConfigs,
  {
    // The renderer takes from src/ only document, align and the two contracts (the API's
    // src/api/types.ts, the corrector's src/corrector/contract.ts); types from anywhere in src/.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_TEST_IMPORTS,
            {
              group: ['electron', '**/electron/**'],
              message:
                'The renderer never imports Electron or electron/; it sees only window.neko.',
            },
            {
              group: [
                '**/src/formats/**',
                '**/src/corrector/**',
                '!**/src/corrector/contract.js',
                '**/src/api/**',
                '!**/src/api/types.js',
                '**/src/cli/**',
              ],
              allowTypeImports: true,
              message:
                'The renderer takes values from src/ only from document, align and the contracts (src/api/types.ts, src/corrector/contract.ts); use `import type` for the rest.',
            },
          ],
        },
      ],
    },
  },
  {
    // Electron's shell and the renderer never import each other.
    files: ['electron/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_TEST_IMPORTS,
            { group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'electron/**/*.{ts,mjs}', 'renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', NO_TEST_PATHS] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
