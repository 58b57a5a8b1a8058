// Preloaded into a benchmarked node process (`node -r`): prints its peak resident memory on exit.
process.on('exit', () => require('node:fs').writeSync(2, `\nbench-maxrss-kb=${process.resourceUsage().maxRSS}\n`));
