// `npm start`: builds the package, starts the local Mesh simulator (or uses
// the real Mesh API when MESH_CLIENT_ID and MESH_CLIENT_SECRET are set) and
// serves the demo on another origin.
import { setup } from './setup.mjs';
import { build } from './build.mjs';
import { startSimulator } from '../sim/server.mjs';
import { meshConfig, startDemo } from '../www/server.mjs';

// `npm test` checks this script against the package it has just built.
if (process.env.FRONT_LINK_PREBUILT !== '1') {
  setup({ browser: false });
  await build();
}
const port = Number(process.env.PORT ?? 8080);
const simulator = await startSimulator({ port: port + 1, host: '127.0.0.1' });
const mesh = meshConfig(process.env, simulator);
const demo = await startDemo({ port, host: 'localhost', mesh });
console.log(`\nMesh: ${mesh.mode === 'mesh' ? `${mesh.apiUrl} (real API)` : `local simulator at ${simulator.origin}`}`);
console.log(`Demo: open ${demo.origin}/\n`);
