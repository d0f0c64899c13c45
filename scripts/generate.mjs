// `npm run generate`: writes the files generated from the core's tables
// (src/web/tables.js, pkg-template/event-keys.js, src/web/bridge/rules.js
// and tests/schema.json; see tests/generated.rs). `npm run build` does it
// first, too.
import { generate } from './build.mjs';

generate();
