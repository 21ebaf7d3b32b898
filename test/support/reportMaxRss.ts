// Loaded with `node --require` into a process a test measures: prints its peak memory as the last line of stderr.
process.on('exit', () => {
  process.stderr.write(`\nmaxRSS=${process.resourceUsage().maxRSS * 1024}\n`);
});
