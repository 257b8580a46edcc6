// Runs the CLI from the TypeScript sources under tsx, for tests that spawn promgate without building it.
import { run } from '../../src/cli/main.js';

await run();
