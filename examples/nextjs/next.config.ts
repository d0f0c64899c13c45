import type { NextConfig } from 'next';

// The app is its own root: it sits inside the front-link-wasm repository,
// whose lockfile would otherwise make Next take the repository for a workspace.
const config: NextConfig = {
  turbopack: { root: __dirname },
  outputFileTracingRoot: __dirname,
};

export default config;
