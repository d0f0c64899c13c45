// front-link-wasm/front for require(): 1.1.9's names, from index.cjs.
'use strict';
const { createFrontConnection, isFrontEventTypeKey } = require('./index.cjs');
exports.createFrontConnection = createFrontConnection;
exports.isFrontEventTypeKey = isFrontEventTypeKey;
