// EIP-6963 provider subscriptions of the wallet bridge (see eip6963.rs).

// `provider.on(event, listener)`, the listener passing only its first
// argument on to `callback`; then the teardown the child gets as a proxy
// (it removes the listener, returns nothing, never throws). `undefined` for
// a provider without `on`; what `on` throws goes to the caller.
export function watchProvider(provider, event, callback) {
  const on = provider !== null && typeof provider === 'object' ? provider.on : undefined;
  if (typeof on !== 'function') return undefined;
  const listener = (value) => {
    if (typeof callback === 'function') callback(value);
  };
  on.call(provider, event, listener);
  return () => {
    try {
      provider.removeListener?.(event, listener);
    } catch {}
  };
}
