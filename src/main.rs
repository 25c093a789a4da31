//! Installs the panic hook and mounts the app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(dispute_map::report_panic));
    dispute_map::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dispute-map runs in the browser: build it with `trunk build --release`, or check a file with `cargo run -p dispute-cli --bin check-dispute -- FILE`.");
    std::process::exit(2);
}
