// `npm start`: the Slack app once Slack is configured (its own issue); until then, and
// whenever no Slack tokens are set, the local shell with the bundled playbooks.
import { runCli } from './cli/run.js';

process.exitCode = await runCli(['shell']);
