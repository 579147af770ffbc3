#!/usr/bin/env node
// The `tlsdoc` executable.
import { runCli } from './cli/run.js';

// exitCode rather than exit(): pending stdout writes to a pipe drain first.
process.exitCode = await runCli(process.argv.slice(2));
