//! scsim entry point: everything happens in the library.

fn main() -> std::process::ExitCode {
    let env = scsim::cli::Env::from_process();
    let code = scsim::run_process(std::env::args_os().collect(), &env);
    std::process::ExitCode::from(code.clamp(0, 255) as u8)
}
