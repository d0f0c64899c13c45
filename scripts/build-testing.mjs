// The parts of pkg/ that run where the wasm does not:
//   - the CommonJS entries (index.cjs, front.cjs, react.cjs): for require(),
//     the ES module package reached through import() (pkg-template/*.cjs;
//     react.cjs is react.js bundled over them);
//   - front-link-wasm/testing (pkg/testing/): pkg-template/testing/, the
//     package's own faces and hooks beside it, the core's generated tables,
//     and a CommonJS bundle of each entry (Jest's default mode; link-ui, the
//     Link UI stand-in for browser tests, is for Node).
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

const template = join(root, 'pkg-template');

/** A `.d.ts` as the `.d.cts` beside a `.cjs`: its relative imports name the `.cjs` files. */
const asCts = (text) => text.replace(/from '(\.{1,2}\/[\w/-]+)\.js'/g, "from '$1.cjs'");

export async function buildCommonJs(pkg) {
  const esbuild = await import('esbuild');
  for (const name of ['event-keys', 'alias']) {
    writeFileSync(join(pkg, `${name}.cjs`), esbuild.transformSync(readFileSync(join(template, `${name}.js`), 'utf8'), { format: 'cjs', target: 'es2020' }).code);
  }
  // react.js over the CommonJS faces and loader: one module state with index.cjs.
  await esbuild.build({
    entryPoints: [join(template, 'react.js')],
    outfile: join(pkg, 'react.cjs'),
    bundle: true,
    format: 'cjs',
    target: 'es2020',
    logLevel: 'error',
    plugins: [
      {
        name: 'siblings',
        setup(build) {
          build.onResolve({ filter: /^\.\/(index|loader)\.js$/ }, ({ path }) => ({ path: path.replace(/\.js$/, '.cjs'), external: true }));
          build.onResolve({ filter: /^react$/ }, () => ({ path: 'react', external: true }));
        },
      },
    ],
  });
  for (const name of ['index', 'front', 'react']) writeFileSync(join(pkg, `${name}.d.cts`), asCts(readFileSync(join(template, `${name}.d.ts`), 'utf8')));
}

export async function buildTesting(pkg) {
  const esbuild = await import('esbuild');
  const out = join(pkg, 'testing');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  for (const file of readdirSync(join(template, 'testing'))) copyFileSync(join(template, 'testing', file), join(out, file));
  // The package's own files, unchanged: the stand-in replaces only the wasm.
  copyFileSync(join(template, 'index.js'), join(out, 'faces.js'));
  copyFileSync(join(template, 'react.js'), join(out, 'react.js'));
  copyFileSync(join(template, 'event-keys.js'), join(out, 'event-keys.js'));
  copyFileSync(join(template, 'messages.js'), join(out, 'messages.js'));
  copyFileSync(join(template, 'alias.js'), join(out, 'alias.js'));
  copyFileSync(join(root, 'src/web/tables.js'), join(out, 'tables.js'));
  copyFileSync(join(root, 'src/web/js_data.js'), join(out, 'js_data.js'));
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  writeFileSync(join(out, 'version.js'), `/** The package's version, as meshSDKSpecs reports it. */\nexport const VERSION = ${JSON.stringify(version)};\n`);
  // Each CommonJS entry is a bundle; they share the test's record (state.js).
  for (const name of ['index', 'front', 'react', 'link-ui']) {
    await esbuild.build({
      entryPoints: [join(out, `${name}.js`)],
      outfile: join(out, `${name}.cjs`),
      bundle: true,
      format: 'cjs',
      target: 'es2020',
      platform: name === 'link-ui' ? 'node' : 'browser',
      external: ['react'],
      logLevel: 'error',
    });
    writeFileSync(join(out, `${name}.d.cts`), asCts(readFileSync(join(out, `${name}.d.ts`), 'utf8')));
  }
}
