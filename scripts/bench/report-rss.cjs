// Preloaded into a benchmarked node process (`node -r`): prints its peak resident memory on exit
// (on stderr, or into the file BENCH_RSS_FILE names when stderr is left to a progress bar).
process.on('exit', () => {
    const line = `\nbench-maxrss-kb=${process.resourceUsage().maxRSS}\n`;
    const fs = require('node:fs');
    if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, line);
    else fs.writeSync(2, line);
});
