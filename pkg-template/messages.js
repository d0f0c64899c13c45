// A message more than one file says: the faces (through loader.js) and the
// test kit's loader (testing/ gets a copy of this file). Declared here only.
// (The test runners' alias lines are alias.js: they are not needed on the
// app's critical path.)

/** What `onExit` gets when the wasm instance stopped on an internal error. */
export const STOPPED = 'front-link-wasm stopped on an internal error and ended the session; open Link again to start afresh';
