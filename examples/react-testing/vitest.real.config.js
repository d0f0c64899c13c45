// Vitest, the real package (no alias): test/real imports it in jsdom and in
// node, where it cannot run, and expects an onExit that says so (and the
// hooks' error, in jsdom).
import { defineConfig } from 'vitest/config';

const real = (environment, include) => ({ test: { name: `real-${environment}`, environment, globals: true, include } });

export default defineConfig({
  test: { projects: [real('jsdom', ['test/real/**/*.test.{js,jsx,ts}']), real('node', ['test/real/**/*.test.{js,ts}'])] },
});
