//! Parses the command line, runs the command, maps the outcome to an exit
//! code: 0 done, 1 the check found errors, 2 the input or settings are wrong,
//! 3 an internal error (a bug: the input should have been refused with 2).

use std::process::ExitCode;
use std::sync::OnceLock;

use kivijalka::cmd::{self, Outcome};
use kivijalka::report::Lang;

/// The exit code of an internal error. Not 101 (Rust's panic) nor 134
/// (abort), so a script can tell a bug in kivijalka from a crash of the
/// machine, and both from a refused input.
const INTERNAL: u8 = 3;

/// The language of the messages, once the command line is read; before,
/// the environment's.
static LANG: OnceLock<Lang> = OnceLock::new();

fn lang() -> Lang {
    LANG.get().copied().unwrap_or_else(Lang::from_env)
}

/// A panic is a bug in kivijalka whatever the input; the user gets one line
/// naming it as such, not a backtrace (RUST_BACKTRACE still gives one).
fn quiet_panics() {
    let verbose = std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0");
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if verbose {
            default(info);
            return;
        }
        // One line for the first: the workers' and the thread scope's
        // panics after it repeat the same bug.
        static TOLD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if TOLD.swap(true, std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        let what = kivijalka::error::panic_message(info.payload());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "{}",
            kivijalka::tr!(
                lang(),
                "sisäinen virhe: {what}{at}; ilmoitathan siitä komennon ja sen syötteen kanssa",
                "internt fel: {what}{at}; rapportera det med kommandot och dess indata",
                "internal error: {what}{at}; please report it with the command and its input"
            )
        );
    }));
}

fn main() -> ExitCode {
    quiet_panics();
    // Parsing prints help and exits by itself, in the language the line's
    // --lang names, else the environment's; only the work is guarded.
    let cli = kivijalka::cli::parse();
    let lang = *LANG.get_or_init(|| cmd::lang(&cli.command));
    let run = move || {
        kivijalka::error::fault_injected("main");
        cmd::run(cli.command)
    };
    let outcome = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(r) => r,
        Err(_) => return ExitCode::from(INTERNAL),
    };
    match outcome {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(e) => {
            let chain = e.chain_in(lang);
            eprintln!("{} {}", lang.tr("virhe:", "fel:", "error:"), chain[0]);
            for cause in &chain[1..] {
                eprintln!("  {} {cause}", lang.tr("syy:", "orsak:", "caused by:"));
            }
            ExitCode::from(2)
        }
    }
}
