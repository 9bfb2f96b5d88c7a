//! The apifront web app: a Yew single-page app over `apifront-core`.
//!
//! Everything runs in the browser; nothing the user pastes leaves the page.

mod app;
mod check;
mod clipboard;
mod configure;
mod docs;
mod editor;
mod hooks;
mod route;
mod rules_view;
mod shortcuts;
mod state;
mod storage;
mod theme;

pub use app::App;
