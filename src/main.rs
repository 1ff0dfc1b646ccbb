//! scsim entry point: everything happens in the library.

fn main() -> std::process::ExitCode {
    let env = scsim::cli::Env::from_process();
    let code = scsim::run(
        std::env::args_os().collect(),
        &env,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::ExitCode::from(code.clamp(0, 255) as u8)
}
