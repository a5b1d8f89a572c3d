//! What differs between the operating systems hubint supports, as pure
//! functions of the OS, so that every platform's answer is unit-tested on
//! any host (CI runs on Linux; macOS is only compiled there, Windows runs
//! under wine): the default directories (the README's "Where data lives")
//! and which OS keyring holds the passwords.
//!
//! The directory table is the specification, for the tests only: the
//! directories themselves come from the `directories` crate at run time
//! (see [`crate::paths`]); the tests below check that crate's Linux answer
//! against this table, tests/platforms/windows.sh checks the Windows one
//! under wine, and the README is checked against all three.

#[cfg(test)]
use std::path::{Path, PathBuf};

/// An operating system hubint supports (`MacOs` ends in `Os`: it is its name).
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    MacOs,
    Windows,
}

impl Os {
    #[cfg(test)]
    pub const ALL: [Os; 3] = [Os::Linux, Os::MacOs, Os::Windows];

    /// The OS this binary was built for (the BSDs count as Linux: XDG
    /// directories and the Secret Service).
    pub fn current() -> Os {
        if cfg!(target_os = "macos") {
            Os::MacOs
        } else if cfg!(windows) {
            Os::Windows
        } else {
            Os::Linux
        }
    }

    #[cfg(test)]
    pub fn name(self) -> &'static str {
        match self {
            Os::Linux => "Linux",
            Os::MacOs => "macOS",
            Os::Windows => "Windows",
        }
    }

    /// The OS keyring behind `--secret-store keyring`.
    #[cfg(test)]
    pub fn keyring(self) -> &'static str {
        match self {
            Os::Linux => "Secret Service",
            Os::MacOs => "login Keychain",
            Os::Windows => "Credential Manager",
        }
    }

    /// What to do when the OS keyring does not answer.
    pub fn keyring_unavailable_hint(self) -> &'static str {
        match self {
            Os::Linux => {
                "start a Secret Service (gnome-keyring, KeePassXC) in this D-Bus session and unlock it"
            }
            Os::MacOs => "unlock your login keychain",
            Os::Windows => "make sure Windows Credential Manager is available to this session",
        }
    }

    // Used by the native keyring (macOS, Windows) and the tests.
    #[cfg_attr(
        any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"),
        allow(dead_code)
    )]
    /// Whether the keyring store takes a `label` for new items. Only the
    /// Secret Service does; the Keychain and Credential Manager stores
    /// reject modifiers they do not know, so `add` would fail there.
    pub fn keyring_takes_label(self) -> bool {
        self == Os::Linux
    }

    // Used by the native keyring (macOS, Windows) and the tests.
    #[cfg_attr(
        any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"),
        allow(dead_code)
    )]
    /// Whether keyring items keep free attributes, where hubint stores an
    /// integration's details for recovery. Only the Secret Service does: the
    /// Keychain and Credential Manager have a fixed set (a comment, an
    /// alias), so hubint neither writes nor reads details there.
    pub fn keyring_keeps_details(self) -> bool {
        self == Os::Linux
    }

    // Used by the native keyring (macOS, Windows) and the tests.
    #[cfg_attr(
        any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"),
        allow(dead_code)
    )]
    /// The search (keyring-core specification) that finds every item of
    /// `service`: by attribute on Linux and macOS; on Windows by a pattern
    /// on the target name, which is `<account>.<service>`.
    pub fn keyring_search(self, service: &str) -> (&'static str, String) {
        match self {
            Os::Linux | Os::MacOs => ("service", service.to_string()),
            Os::Windows => (
                "pattern",
                format!(r"^[^.]+\.{}$", service.replace('.', r"\.")),
            ),
        }
    }

    /// The default data directory (database, encrypted store) without `HUBINT_HOME`.
    #[cfg(test)]
    pub fn data_dir(self) -> DefaultDir {
        match self {
            Os::Linux => DefaultDir::new(Base::XdgData, &["hubint"]),
            Os::MacOs => DefaultDir::new(Base::Home, &["Library", "Application Support", "hubint"]),
            Os::Windows => DefaultDir::new(Base::RoamingAppData, &["hubint", "data"]),
        }
    }

    /// The default config directory without `HUBINT_HOME`.
    #[cfg(test)]
    pub fn config_dir(self) -> DefaultDir {
        match self {
            Os::Linux => DefaultDir::new(Base::XdgConfig, &["hubint"]),
            Os::MacOs => self.data_dir(),
            Os::Windows => DefaultDir::new(Base::RoamingAppData, &["hubint", "config"]),
        }
    }
}

/// The per-user directory a default directory starts from.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The home directory.
    Home,
    /// `$XDG_DATA_HOME` (when absolute), else `~/.local/share`.
    XdgData,
    /// `$XDG_CONFIG_HOME` (when absolute), else `~/.config`.
    XdgConfig,
    /// `%APPDATA%` (the roaming application data folder).
    RoamingAppData,
}

#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultDir {
    pub base: Base,
    pub parts: &'static [&'static str],
}

#[cfg(test)]
impl DefaultDir {
    const fn new(base: Base, parts: &'static [&'static str]) -> DefaultDir {
        DefaultDir { base, parts }
    }

    /// As the README writes it, e.g. `~/.local/share/hubint/` or
    /// `%APPDATA%\hubint\data\`.
    pub fn display(&self) -> String {
        let (base, sep) = match self.base {
            Base::Home => ("~", '/'),
            Base::XdgData => ("~/.local/share", '/'),
            Base::XdgConfig => ("~/.config", '/'),
            Base::RoamingAppData => ("%APPDATA%", '\\'),
        };
        let mut out = base.to_string();
        for part in self.parts {
            out.push(sep);
            out.push_str(part);
        }
        out.push(sep);
        out
    }

    /// The directory, given the home directory and a way to read the
    /// environment (`XDG_DATA_HOME`, `XDG_CONFIG_HOME`, `APPDATA`).
    pub fn resolve(&self, home: &Path, env: impl Fn(&str) -> Option<PathBuf>) -> PathBuf {
        let xdg = |var: &str, default: &str| {
            env(var)
                .filter(|p| p.is_absolute())
                .unwrap_or_else(|| home.join(default))
        };
        let mut dir = match self.base {
            Base::Home => home.to_path_buf(),
            Base::XdgData => xdg("XDG_DATA_HOME", ".local/share"),
            Base::XdgConfig => xdg("XDG_CONFIG_HOME", ".config"),
            Base::RoamingAppData => {
                env("APPDATA").unwrap_or_else(|| home.join("AppData").join("Roaming"))
            }
        };
        dir.extend(self.parts);
        dir
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readme_row(what: &str) -> String {
        let readme = include_str!("../README.md");
        let section = readme
            .split("## Where data lives")
            .nth(1)
            .expect("a 'Where data lives' section");
        section
            .lines()
            .find(|l| l.starts_with(&format!("| {what} |")))
            .unwrap_or_else(|| panic!("no '{what}' row in 'Where data lives'"))
            .to_string()
    }

    #[test]
    fn the_readme_table_matches_every_os() {
        let db = readme_row("metadata database");
        let config = readme_row("config");
        let keyring = readme_row("passwords in the keyring");
        for os in Os::ALL {
            let name = os.name();
            let data = format!("`{}` ({name}", os.data_dir().display());
            assert!(db.contains(&data), "the database row lacks {data}: {db}");
            let conf = format!("`{}` ({name}", os.config_dir().display());
            assert!(
                config.contains(&conf),
                "the config row lacks {conf}: {config}"
            );
            let store = format!("{} ({name})", os.keyring());
            assert!(
                keyring.contains(&store),
                "the keyring row lacks {store}: {keyring}"
            );
        }
    }

    #[test]
    fn each_os_has_its_own_places() {
        let home = Path::new("/home/u");
        let none = |_: &str| None;
        assert_eq!(
            Os::MacOs.data_dir().resolve(home, none),
            Path::new("/home/u/Library/Application Support/hubint")
        );
        assert_eq!(Os::MacOs.config_dir(), Os::MacOs.data_dir());
        assert_eq!(
            Os::MacOs.data_dir().display(),
            "~/Library/Application Support/hubint/"
        );
        assert_eq!(Os::Windows.data_dir().display(), r"%APPDATA%\hubint\data\");
        assert_eq!(
            Os::Windows.config_dir().display(),
            r"%APPDATA%\hubint\config\"
        );
        let appdata = |v: &str| (v == "APPDATA").then(|| PathBuf::from("/c/Roaming"));
        assert_eq!(
            Os::Windows.config_dir().resolve(home, appdata),
            Path::new("/c/Roaming/hubint/config")
        );
        // XDG variables count only when absolute, as the XDG spec says.
        let relative = |v: &str| (v == "XDG_DATA_HOME").then(|| PathBuf::from("rel"));
        assert_eq!(
            Os::Linux.data_dir().resolve(home, relative),
            Path::new("/home/u/.local/share/hubint")
        );
        assert!(Os::Linux.keyring_takes_label());
        assert!(!Os::MacOs.keyring_takes_label() && !Os::Windows.keyring_takes_label());
        assert!(Os::Linux.keyring_keeps_details());
        assert!(!Os::MacOs.keyring_keeps_details() && !Os::Windows.keyring_keeps_details());
        assert_eq!(
            Os::MacOs.keyring_search("hubint"),
            ("service", "hubint".into())
        );
        assert_eq!(
            Os::Windows.keyring_search("hubint"),
            ("pattern", r"^[^.]+\.hubint$".into())
        );
        let mut hints: Vec<_> = Os::ALL
            .iter()
            .map(|os| os.keyring_unavailable_hint())
            .collect();
        hints.dedup();
        assert_eq!(hints.len(), 3);
    }

    /// On Linux the table is what the `directories` crate (used at run
    /// time) answers, with and without the XDG variables.
    #[cfg(target_os = "linux")]
    #[test]
    fn linux_matches_the_directories_crate() {
        assert_eq!(Os::current(), Os::Linux);
        let dirs = directories::ProjectDirs::from("", "", "hubint").expect("a home");
        let home = directories::BaseDirs::new()
            .unwrap()
            .home_dir()
            .to_path_buf();
        let env = |v: &str| std::env::var_os(v).map(PathBuf::from);
        assert_eq!(Os::Linux.data_dir().resolve(&home, env), dirs.data_dir());
        assert_eq!(
            Os::Linux.config_dir().resolve(&home, env),
            dirs.config_dir()
        );
    }
}
