//! The apifront web app: a Yew single-page app over `apifront-core`.
//!
//! Everything runs in the browser; nothing the user pastes leaves the page.

mod app;
mod check;

pub use app::App;
pub use check::Status;
