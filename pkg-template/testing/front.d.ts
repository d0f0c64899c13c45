// Types of front-link-wasm/testing/front: front-link-wasm/front (1.1.9's
// names and types) over the stand-in, with the test's controls.
export { createFrontConnection, isFrontEventTypeKey } from '../front.js';
export { configure, connections, fixtures, linkToken, nextSession, reset, session, settleLoad } from './index.js';
export type {
  AppCall,
  ConnectScript,
  Delivered,
  ExitArgs,
  Face,
  Fixtures,
  FrontCall,
  FrontDelivered,
  Ignored,
  LinkCall,
  LinkDelivered,
  Posted,
  Refusal,
  TestConnection,
  TestSession,
} from './index.js';
