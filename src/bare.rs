//! What `std` would provide, for the `no_std` npm build: an allocator and a
//! panic handler. The handler formats nothing (formatting machinery is most
//! of a wasm's size), and no path reachable from JS input panics anyway
//! (SPEC §5.9): this is the last resort, a trap.

// SAFETY: wasm32 without atomics (see lib.rs) runs one thread.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
