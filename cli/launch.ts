// The `delta` command's entry point (out/cli.cjs): turns Node's compile cache on (compile-cache.ts),
// then loads the CLI itself (out/delta-cli.cjs, from cli/main.ts), whose compiled code the cache
// then holds. Kept tiny: everything it loads before the cache is on is compiled on every run.
import { enableCompileCache } from './compile-cache.js';

enableCompileCache();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded once the cache is on (an import would be hoisted before it)
require('./delta-cli.cjs');
