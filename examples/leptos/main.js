// Loads the app's wasm (wasm-bindgen --target web output in dist/); the
// app's `main` mounts the Leptos view. A file, not an inline script, so the
// page's CSP needs no 'unsafe-inline'.
import init from '/dist/front_link_leptos_example.js';

await init();
