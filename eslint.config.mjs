// typescript-eslint, run by `npm test` (npm run lint). The recommended rules plus the type-aware
// ones that catch real bugs: promises nobody awaits or handles, awaiting non-promises.
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['out/**', 'node_modules/**', 'language/manufactoria/generated/**', '.e2e/**', 'test-results/**', '**/*.mjs', '**/*.cjs', '**/*.js', 'vitest.config.ts'] },
    ...tseslint.configs.recommended,
    {
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/await-thenable': 'error',
            '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
            // strict tsc already forbids implicit any; explicit any marks deliberate escapes (planck's internals).
            '@typescript-eslint/no-explicit-any': 'off',
            // Unused locals and parameters are TypeScript's errors (noUnusedLocals, noUnusedParameters;
            // `_`-prefixed parameters are deliberately unused): one check, not two (it was 1/3 of the rules' time).
            '@typescript-eslint/no-unused-vars': 'off',
        },
    },
);
