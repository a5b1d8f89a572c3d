//! Registry addresses: turn what a user (or a container tool) types into the
//! normalised key that docker uses.
//!
//! Docker Hub, under any of its spellings, is `https://index.docker.io/v1/`.
//! Every other registry is `host[:port]`, lower-cased, without scheme or path.

pub const DOCKER_HUB: &str = "https://index.docker.io/v1/";

/// Host names that all mean Docker Hub.
const HUB_HOSTS: &[&str] = &[
    "docker.io",
    "index.docker.io",
    "registry-1.docker.io",
    "registry.hub.docker.com",
];

const MAX_LEN: usize = 2048;

/// Normalise a registry URL or host. The error is a short reason, without the input.
pub fn normalize(input: &str) -> Result<String, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("it is empty".into());
    }
    if s.len() > MAX_LEN {
        return Err(format!("it is longer than {MAX_LEN} characters"));
    }
    if s.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err("it contains spaces or control characters".into());
    }
    let lower = s.to_ascii_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("https://") {
        r
    } else if let Some(r) = lower.strip_prefix("http://") {
        r
    } else if lower.contains("://") {
        return Err("only http:// and https:// URLs are supported".into());
    } else {
        &lower
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err("it must not contain a user name or password; use --username".into());
    }
    let (host, port) = split_host_port(authority)?;
    if port.is_none() && HUB_HOSTS.contains(&host) {
        return Ok(DOCKER_HUB.to_string());
    }
    Ok(match port {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    })
}

/// Whether a normalised key is Docker Hub.
pub fn is_docker_hub(key: &str) -> bool {
    key == DOCKER_HUB
}

fn split_host_port(authority: &str) -> Result<(&str, Option<u16>), String> {
    let (host, port) = if let Some(inner) = authority.strip_prefix('[') {
        let end = inner
            .find(']')
            .ok_or_else(|| "the IPv6 address has no closing ']'".to_string())?;
        let host = &authority[..end + 2];
        let after = &inner[end + 1..];
        let port = match after {
            "" => None,
            p => Some(
                p.strip_prefix(':')
                    .ok_or_else(|| "unexpected text after the IPv6 address".to_string())?,
            ),
        };
        if !inner[..end]
            .chars()
            .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return Err("the IPv6 address is not valid".into());
        }
        (host, port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let port = match port {
        None => None,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 && p.chars().all(|c| c.is_ascii_digit()) => Some(n),
            _ => {
                let p = crate::validate::excerpt(p);
                return Err(format!("the port '{p}' is not a number from 1 to 65535"));
            }
        },
    };
    if !host.starts_with('[') {
        validate_host(host)?;
    }
    Ok((host, port))
}

fn validate_host(host: &str) -> Result<(), String> {
    if host.is_empty() {
        return Err("it has no host name".into());
    }
    if host.len() > 253 {
        return Err("the host name is longer than 253 characters".into());
    }
    for label in host.split('.') {
        let ok = !label.is_empty()
            && label.len() <= 63
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            let host = crate::validate::excerpt(host);
            return Err(format!("'{host}' is not a valid host name"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_spellings_are_one_registry() {
        for s in [
            "docker.io",
            "index.docker.io",
            "registry-1.docker.io",
            "https://index.docker.io/v1/",
            "https://index.docker.io/v1",
            "HTTPS://Index.Docker.IO/v1/",
            "https://registry-1.docker.io/v2/",
        ] {
            assert_eq!(normalize(s).unwrap(), DOCKER_HUB, "{s}");
        }
    }

    #[test]
    fn other_registries_are_host_port() {
        assert_eq!(
            normalize("https://127.0.0.1:5000/v2/").unwrap(),
            "127.0.0.1:5000"
        );
        assert_eq!(
            normalize("http://localhost:5000").unwrap(),
            "localhost:5000"
        );
        assert_eq!(normalize("Quay.io").unwrap(), "quay.io");
        assert_eq!(normalize("ghcr.io/owner/repo").unwrap(), "ghcr.io");
        assert_eq!(normalize("[::1]:5000").unwrap(), "[::1]:5000");
        assert_eq!(normalize("docker.io:443").unwrap(), "docker.io:443");
    }

    #[test]
    fn bad_registries_are_rejected() {
        for s in [
            "",
            "   ",
            "ftp://x.io",
            "user:pw@x.io",
            "x.io:0",
            "x.io:99999",
            "x.io:abc",
            "bad host",
            "-x.io",
            "x..io",
            "x_y.io",
            "[::1",
            "a\u{7}b",
        ] {
            assert!(normalize(s).is_err(), "{s:?} should be rejected");
        }
    }
}
