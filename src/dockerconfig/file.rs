//! A config file in memory: read with errors that name the file and the
//! JSON path, merged key by key, and written atomically without clobbering
//! keys hubint does not own.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::entries::SECRET_KEYS;
use super::{child, kind, malformed};
use crate::error::Failure;
use crate::limits;
use crate::paths;

/// A config file in memory: its top-level object and how it was on disk.
pub struct ConfigFile {
    pub path: PathBuf,
    pub root: Map<String, Value>,
    /// The file's bytes as read (for a backup); `None` if it did not exist.
    /// They may hold plaintext passwords: wiped when dropped.
    pub original: Option<Zeroizing<Vec<u8>>>,
    mode: Option<u32>,
}

/// The bytes of a config file, at most [`limits::CONFIG_FILE`] of them
/// (reading stops there: a larger file is an error naming the limit).
fn read_limited(path: &Path) -> std::io::Result<Zeroizing<Vec<u8>>> {
    let mut file = fs::File::open(path)?;
    limits::read_bounded(&mut file, limits::CONFIG_FILE)?.ok_or_else(|| {
        std::io::Error::other(format!(
            "it is larger than {}, more than any docker config holds",
            limits::describe(limits::CONFIG_FILE)
        ))
    })
}

impl ConfigFile {
    /// Read `path`; a missing file is an empty config. A file that is not a
    /// JSON object is an error naming the file and where it went wrong.
    pub fn load(path: &Path) -> Result<ConfigFile> {
        let bytes = match read_limited(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(ConfigFile {
                    path: path.to_path_buf(),
                    root: Map::new(),
                    original: None,
                    mode: None,
                });
            }
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        let mut config = ConfigFile::parse(path, bytes)?;
        config.mode = file_mode(path);
        Ok(config)
    }

    /// The config in `bytes`, read from `path` (named in errors).
    pub fn parse(path: &Path, bytes: Zeroizing<Vec<u8>>) -> Result<ConfigFile> {
        let root = if bytes.iter().all(u8::is_ascii_whitespace) {
            Map::new()
        } else {
            match serde_json::from_slice::<Value>(&bytes) {
                Ok(Value::Object(map)) => map,
                Ok(other) => {
                    return Err(malformed(
                        path,
                        ".",
                        &format!("{} is not an object", kind(&other)),
                    ));
                }
                Err(e) => {
                    return Err(Failure::usage(format!(
                        "{} is not valid JSON: line {} column {}: {}",
                        path.display(),
                        e.line(),
                        e.column(),
                        syntax_reason(&e)
                    ))
                    .hint("fix the file, then run the command again; nothing was changed")
                    .into());
                }
            }
        };
        Ok(ConfigFile {
            path: path.to_path_buf(),
            root,
            original: Some(bytes),
            mode: None,
        })
    }

    /// The object at a top-level key (created if missing); an error naming
    /// the path if the key holds something else.
    pub fn object_mut(&mut self, key: &str) -> Result<&mut Map<String, Value>> {
        let path = self.path.clone();
        let value = self
            .root
            .entry(key)
            .or_insert_with(|| Value::Object(Map::new()));
        if value.is_null() {
            *value = Value::Object(Map::new());
        }
        let found = kind(value);
        value
            .as_object_mut()
            .ok_or_else(|| malformed(&path, &child("", key), &format!("{found} is not an object")))
    }

    /// Write the file atomically: a temporary file in the same directory,
    /// then a rename. `mode` forces the permissions; otherwise an existing
    /// file keeps its own and a new one is 0600.
    pub fn save(&self, mode: Option<u32>) -> Result<()> {
        let mut bytes = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b"\t");
        let mut ser = serde_json::Serializer::with_formatter(&mut bytes, formatter);
        self.root.serialize(&mut ser)?;
        bytes.push(b'\n');
        let mode = mode.or(self.mode).unwrap_or(0o600);
        write_atomic(&self.path, &bytes, mode)
    }

    /// Remove the secret keys ([`SECRET_KEYS`]) of the `auths` entries at
    /// `keys`, after writing a 0600 backup of the file as it was read.
    /// Returns the backup's path.
    pub fn scrub(&mut self, keys: &[String]) -> Result<PathBuf> {
        let backup = backup_path(&self.path);
        let original = self.original.as_deref().map_or(&[][..], |b| &b[..]);
        paths::write_new(&backup, original, 0o600)?;
        paths::keep_owner(&self.path, &backup)?;
        if let Some(Value::Object(auths)) = self.root.get_mut("auths") {
            for key in keys {
                if let Some(Value::Object(entry)) = auths.get_mut(key) {
                    for secret_key in SECRET_KEYS {
                        entry.remove(*secret_key);
                    }
                }
            }
        }
        self.save(None)?;
        Ok(backup)
    }
}

/// `FILE.hubint-backup`, or `FILE.hubint-backup-N` if taken.
fn backup_path(path: &Path) -> PathBuf {
    let base = format!("{}.hubint-backup", path.display());
    let mut candidate = PathBuf::from(&base);
    let mut n = 2;
    while fs::symlink_metadata(&candidate).is_ok() {
        candidate = PathBuf::from(format!("{base}-{n}"));
        n += 1;
    }
    candidate
}

/// Replace `path` with `bytes` atomically (a symlink's target is replaced,
/// not the link), keeping the file's owner and group. The parent directory
/// is created 0700 if missing.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path)
            .with_context(|| format!("cannot resolve the symlink {}", path.display()))?,
        _ => path.to_path_buf(),
    };
    // Never replace a device, a FIFO or a directory (`--output /dev/null` as
    // root would turn /dev/null into a regular file).
    if let Ok(meta) = fs::metadata(&target)
        && !meta.is_file()
    {
        return Err(Failure::usage(format!(
            "{} is not a regular file: hubint writes config files only as regular files",
            target.display()
        ))
        .hint("give a path to a regular file (it is created if missing)")
        .into());
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    paths::ensure_private_dir(&dir)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.{nanos}.tmp", std::process::id()));
    // The same steps as hubint's own files (fsync, rename, fsync of the
    // directory), with the mode the config file had.
    // Run as root on another user's file, the file stays theirs (as docker does).
    let result = paths::write_new(&tmp, bytes, mode)
        .and_then(|()| paths::keep_owner(&target, &tmp))
        .and_then(|()| paths::replace_with(&tmp, &target));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(|e| crate::files::explain(&dir, &target, e))
}

fn file_mode(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o7777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// serde_json's message without its trailing " at line L column C".
fn syntax_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(pos) => text[..pos].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_merge_save() {
        let (_dir, path) = crate::testing::temp_path("config.json");
        let mut config = ConfigFile::load(&path).unwrap();
        assert!(config.original.is_none());
        config.root.insert("psFormat".into(), "table".into());
        config.save(None).unwrap();
        let mut config = ConfigFile::load(&path).unwrap();
        config
            .object_mut("credHelpers")
            .unwrap()
            .insert("quay.io".into(), "hubint".into());
        config.save(None).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("psFormat") && text.contains("quay.io"),
            "{text}"
        );
        crate::testing::assert_mode(&path, 0o600);
        fs::write(&path, "{\"credHelpers\": []}").unwrap();
        let mut config = ConfigFile::load(&path).unwrap();
        let err = config.object_mut("credHelpers").unwrap_err();
        assert!(format!("{err:#}").contains(".credHelpers: an array is not an object"));
        fs::write(&path, "{\"a\": }").unwrap();
        let err = ConfigFile::load(&path).err().unwrap();
        assert!(format!("{err:#}").contains("line 1 column 7"), "{err:#}");
    }
}
