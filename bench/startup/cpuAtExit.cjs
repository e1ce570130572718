// Preloaded (`node --require`) into every timed process of scenarios 5, 8 and 9: at exit, writes the
// process's own CPU time (user + system, all threads, from process start) as JSON to file
// descriptor 3, which the bench opens as a pipe. Does nothing when fd 3 is not open.
"use strict";
const { writeSync } = require("node:fs");

process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  try {
    writeSync(3, `${JSON.stringify({ cpuMs: (user + system) / 1000 })}\n`);
  } catch {
    // not started by the bench
  }
});
