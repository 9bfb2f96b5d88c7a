//! Entry point of the web app.

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<apifront_web::App>::new().render();
}
