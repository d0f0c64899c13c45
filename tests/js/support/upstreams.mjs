// The upstream SDKs the differential tests compare against, bundled
// unchanged from their npm devDependencies into one ESM file each, served as
// /vendor/<name>.js by the harness.
import { join } from 'node:path';
import { artifacts, root } from './harness.mjs';

export { bundleUpstream } from './harness.mjs';

/**
 * @meshconnect/web-link-sdk 3.13.0 with its dependencies (its wallet bridge,
 * @meshconnect/uwc-bridge-parent, pulls in comlink, @solana/web3.js and the
 * Wallet Standard packages). Its own imports omit file extensions, so the
 * browser cannot load it as published. The browser builds of those packages
 * read neither `process` nor `global`, so no `define` is needed.
 */
export async function bundleMeshUpstream({ minify = false } = {}) {
  const { build } = await import('esbuild');
  const outfile = join(artifacts, 'vendor', minify ? 'mesh-web-link-sdk.min.js' : 'mesh-web-link-sdk.js');
  await build({ entryPoints: [join(root, 'node_modules/@meshconnect/web-link-sdk/index.js')], bundle: true, format: 'esm', platform: 'browser', minify, outfile, logLevel: 'warning' });
  return outfile;
}

/**
 * comlink 4.4.2 (the exact devDependency) as one browser ESM file, served as
 * /vendor/comlink.js: the real Comlink `wrap` the wallet-bridge child
 * (tests/pages/bridge-child.js) speaks to both bridges with.
 */
export async function bundleComlink({ minify = false } = {}) {
  const { build } = await import('esbuild');
  const outfile = join(artifacts, 'vendor', minify ? 'comlink.min.js' : 'comlink.js');
  await build({ stdin: { contents: "export * from 'comlink';", resolveDir: root }, bundle: true, format: 'esm', platform: 'browser', minify, outfile, logLevel: 'warning' });
  return outfile;
}
