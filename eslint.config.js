import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/build/**',
      '**/node_modules/**',
      '**/storybook-static/**',
      '**/.turbo/**',
      '**/test-results/**',
      '**/e2e/artifacts/**',
      '**/bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.strict.rules,
    },
  },
  {
    // vanilla-extract files may only export styles: no inline style objects elsewhere.
    files: ['**/*.tsx'],
    // Docs-only pages draw swatches and specimens in each token's live value.
    ignores: ['**/*.stories.tsx', '**/*.test.tsx', 'packages/ui/src/foundations/**', 'packages/ui/src/docs/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name="style"]',
          message: 'Style with vanilla-extract (*.css.ts), not inline styles.',
        },
        {
          // Tree-shaking: a top-level statement is a side effect bundlers must keep, with its component.
          selector: 'Program > ExpressionStatement > AssignmentExpression[left.property.name="displayName"]',
          message: "Name the component inside its (pure) call: `/* @__PURE__ */ namedForwardRef('Name', …)`, not with a top-level `X.displayName = …`.",
        },
      ],
    },
  },
  {
    // Layering is one way: the packages know nothing of the app that uses them (tests included).
    files: ['packages/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/**', '@cited/blog', '@cited/blog/**'],
              message: 'Nothing in packages/ imports from apps/: give the package its own fixture, or share it through @cited/test-utils.',
            },
          ],
        },
      ],
    },
  },
);
