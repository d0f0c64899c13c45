//! Page-global state: `thread_local!` with std; without std (the npm build)
//! a plain `static`, sound because wasm32 without atomics has one thread.

/// A `static` that hands out `&T` like `LocalKey::with`.
#[cfg(not(feature = "std"))]
pub struct Global<T>(T);

// SAFETY: only built for wasm32 without the `atomics` target feature (see
// lib.rs), where there is exactly one thread, so `&T` is never shared
// across threads.
#[cfg(all(not(feature = "std"), not(target_feature = "atomics")))]
unsafe impl<T> Sync for Global<T> {}

#[cfg(not(feature = "std"))]
impl<T> Global<T> {
    /// Wraps the initial value.
    pub const fn new(value: T) -> Self {
        Global(value)
    }

    /// Runs `f` with the value.
    pub fn with<R>(&'static self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0)
    }
}

/// `page_global!(NAME: Type = const_init);` declares page-global state used
/// as `NAME.with(|value| …)`.
macro_rules! page_global {
    ($name:ident: $ty:ty = $init:expr) => {
        #[cfg(feature = "std")]
        std::thread_local! {
            static $name: $ty = const { $init };
        }
        #[cfg(not(feature = "std"))]
        static $name: crate::web::global::Global<$ty> = crate::web::global::Global::new($init);
    };
}
