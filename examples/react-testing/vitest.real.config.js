// Vitest, the real package (no alias): test/real imports it in jsdom and in
// node, where it cannot run, and expects an onExit that says so.
import { defineConfig } from 'vitest/config';

const real = (environment) => ({ test: { name: `real-${environment}`, environment, globals: true, include: ['test/real/**/*.test.{js,ts}'] } });

export default defineConfig({ test: { projects: [real('jsdom'), real('node')] } });
