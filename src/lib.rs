//! The Mesh (Front Finance) Link SDK for the browser.
#![deny(missing_docs)]

pub mod protocol;
