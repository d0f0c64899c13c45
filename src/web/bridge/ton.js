// TON wallets' JS bridges injected as page globals (see ton.rs).
import { proxy } from './comlink.js';
import { made, plain, primitive } from './capability.js';
import { atPath } from './walk.js';

// A TON wallet's JS bridge at `window[key].tonconnect`, or undefined.
// Unsubscribes its `listen` hands out are kept in `teardowns` too.
export function tonEntry(key, uuid, teardowns) {
  const root = atPath([key]);
  const bridge = root !== null && typeof root === 'object' ? root.tonconnect : undefined;
  const works = bridge !== null && typeof bridge === 'object' && ['connect', 'send', 'listen'].every((f) => typeof bridge[f] === 'function');
  if (!works) return undefined;
  const listen = (callback) => {
    const off = bridge.listen(callback);
    if (off == null) throw new TypeError('Cannot convert undefined or null to object');
    if (typeof off !== 'function') {
      // 1.7.0 cannot mark a primitive as a proxy; any other object is no teardown.
      if (typeof off !== 'object') throw new TypeError('A TON wallet handed out no unsubscribe function');
      return proxy(() => {});
    }
    teardowns.push(off);
    return proxy(() => off());
  };
  const provider = proxy({
    deviceInfo: plain(bridge.deviceInfo),
    walletInfo: plain(bridge.walletInfo),
    protocolVersion: primitive(bridge.protocolVersion) ?? 2,
    isWalletBrowser: primitive(bridge.isWalletBrowser) ?? false,
    connect: async (...args) => bridge.connect(...args),
    restoreConnection: async () => bridge.restoreConnection(),
    send: async (...args) => bridge.send(...args),
    listen,
    disconnect: bridge.disconnect ? async () => bridge.disconnect() : undefined,
  });
  return made({ uuid, name: primitive(bridge.deviceInfo?.appName) || key, icon: '', jsBridgeKey: key, provider });
}
