// globalSetup of the `slow` vitest project: its tests start the bundles in out/, so bundles built
// from older sources would test yesterday's code. Fail before any test runs instead. The rule is
// the build's own (scripts/build-manifest.mjs): every file the last build read is older than it.
import { staleReason } from '../../scripts/build-manifest.mjs';

export default function checkBundlesFresh() {
    const reason = staleReason();
    if (reason) throw new Error(`out/ is stale: ${reason}. Run \`npm run build\` (npm test does)`);
}
