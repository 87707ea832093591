fn main() -> std::process::ExitCode {
    tocplan::cli::main()
}
