// The package's JavaScript against its own .d.ts: each export's inferred
// type (from the JS itself, which tests/js/package/package.test.mjs copies to
// test-artifacts/implementation/ with no .d.ts to hide it) must be assignable to
// the declared one: what each function returns, the methods of the objects
// it returns, and that every declared export exists. A JS export whose
// behaviour contradicts its type (a missing method, a string where a boolean
// is declared, an object where a promise is) fails `tsc`.
import * as declared from 'front-link-wasm';
import * as declaredFront from 'front-link-wasm/front';
import * as declaredReact from 'front-link-wasm/react';
import * as declaredTesting from 'front-link-wasm/testing';
import * as impl from 'implementation/index.js';
import * as implFront from 'implementation/front.js';
import * as implReact from 'implementation/react.js';
import * as implTesting from 'implementation/testing/index.js';

type Fn = (...args: never[]) => unknown;
/** `true` when the implementation returns what the declaration promises. */
type Conforms<I extends Fn, D extends Fn> = [ReturnType<I>] extends [ReturnType<D>] ? true : ReturnType<I>;
type Holds<T extends true> = T;

export type Checks = {
  createLink: Holds<Conforms<typeof impl.createLink, typeof declared.createLink>>;
  createFrontConnection: Holds<Conforms<typeof impl.createFrontConnection, typeof declared.createFrontConnection>>;
  isLinkEventTypeKey: Holds<Conforms<typeof impl.isLinkEventTypeKey, typeof declared.isLinkEventTypeKey>>;
  isFrontEventTypeKey: Holds<Conforms<typeof impl.isFrontEventTypeKey, typeof declared.isFrontEventTypeKey>>;
  frontCreate: Holds<Conforms<typeof implFront.createFrontConnection, typeof declaredFront.createFrontConnection>>;
  useLink: Holds<Conforms<typeof implReact.useLink, typeof declaredReact.useLink>>;
  useFrontConnection: Holds<Conforms<typeof implReact.useFrontConnection, typeof declaredReact.useFrontConnection>>;
  testingCreateLink: Holds<Conforms<typeof implTesting.createLink, typeof declaredTesting.createLink>>;
  configure: Holds<Conforms<typeof implTesting.configure, typeof declaredTesting.configure>>;
  reset: Holds<Conforms<typeof implTesting.reset, typeof declaredTesting.reset>>;
  linkToken: Holds<Conforms<typeof implTesting.linkToken, typeof declaredTesting.linkToken>>;
  connections: Holds<Conforms<typeof implTesting.connections, typeof declaredTesting.connections>>;
};
