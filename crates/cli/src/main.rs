//! The `apifront` command-line tool.

fn main() {
    println!("apifront {}", apifront_core::VERSION);
}
