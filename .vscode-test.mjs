// `npx vscode-test`: the in-host suites of test/vscode/ in a downloaded desktop VS Code, with the
// e2e workspace open. (Offline, `npm run e2e` runs the same suites in code-server: docs/e2e.md.)
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
    files: 'test/vscode/**/*.test.cjs',
    workspaceFolder: 'test/e2e/workspace',
    mocha: { ui: 'bdd', timeout: 60_000 },
});
