//! The apifront web app: a Yew single-page app over `apifront-core`.
//!
//! Everything runs in the browser; nothing the user pastes leaves the page.

mod app;
mod check;
mod configure;
mod docs;
mod highlight;
mod route;
mod rules_view;
mod shortcuts;
mod theme;

pub use app::App;
