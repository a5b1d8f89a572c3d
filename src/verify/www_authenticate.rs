//! Parsing of `WWW-Authenticate` headers (RFC 9110, section 11.6.1):
//!
//! ```text
//! challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//! auth-param = token BWS "=" BWS ( token / quoted-string )
//! ```
//!
//! One header may hold several challenges separated by commas, and a
//! response may carry several headers. Parameter values that are neither a
//! token nor a quoted string (such as an unquoted `scope=repository:a/b:pull`,
//! which some servers send) are taken up to the next comma or space.

/// One challenge: a scheme and its parameters (or a token68).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    /// The scheme as sent (compare with [`Challenge::is`]).
    pub scheme: String,
    /// Parameters in order; names are lower-cased.
    pub params: Vec<(String, String)>,
    pub token68: Option<String>,
}

impl Challenge {
    /// Whether the scheme is `scheme` (case-insensitive).
    pub fn is(&self, scheme: &str) -> bool {
        self.scheme.eq_ignore_ascii_case(scheme)
    }

    /// The first parameter called `name` (case-insensitive).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Parse every challenge in one header value. The error says what was
/// expected and at which byte.
pub fn parse(header: &str) -> Result<Vec<Challenge>, String> {
    let mut p = Parser {
        s: header.as_bytes(),
        i: 0,
    };
    let mut challenges = Vec::new();
    loop {
        p.skip_separators();
        if p.eof() {
            return Ok(challenges);
        }
        let scheme = p
            .token()
            .ok_or_else(|| p.error("an authentication scheme"))?;
        let mut challenge = Challenge {
            scheme,
            params: Vec::new(),
            token68: None,
        };
        if p.skip_spaces() > 0 && !p.eof() && p.peek() != Some(b',') {
            match p.param()? {
                Some(param) => {
                    challenge.params.push(param);
                    p.more_params(&mut challenge.params)?;
                }
                None => challenge.token68 = Some(p.token68()?),
            }
        }
        challenges.push(challenge);
    }
}

/// Parse every header of a response and return all challenges in order.
pub fn parse_all<'a>(headers: impl IntoIterator<Item = &'a str>) -> Result<Vec<Challenge>, String> {
    let mut all = Vec::new();
    for header in headers {
        all.extend(parse(header)?);
    }
    Ok(all)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

fn is_tchar(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c)
}

fn is_token68_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"-._~+/".contains(&c)
}

impl Parser<'_> {
    fn eof(&self) -> bool {
        self.i >= self.s.len()
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn error(&self, expected: &str) -> String {
        format!("expected {expected} at byte {}", self.i)
    }

    fn skip_spaces(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
        self.i - start
    }

    /// Skip spaces and commas (empty list elements are allowed).
    fn skip_separators(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b',')) {
            self.i += 1;
        }
    }

    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> &str {
        let start = self.i;
        while self.peek().is_some_and(&f) {
            self.i += 1;
        }
        // The predicates used here stop only at ASCII bytes, so the slice
        // is valid UTF-8 (it comes from a `&str`).
        std::str::from_utf8(&self.s[start..self.i]).unwrap_or_default()
    }

    fn token(&mut self) -> Option<String> {
        let t = self.take_while(is_tchar);
        (!t.is_empty()).then(|| t.to_string())
    }

    /// `name BWS = BWS value`, or `None` (position unchanged) when the input
    /// here is not a parameter.
    fn param(&mut self) -> Result<Option<(String, String)>, String> {
        let start = self.i;
        let Some(name) = self.token() else {
            return Ok(None);
        };
        self.skip_spaces();
        if self.peek() != Some(b'=') {
            self.i = start;
            return Ok(None);
        }
        self.i += 1;
        self.skip_spaces();
        let value = match self.peek() {
            Some(b'"') => self.quoted()?,
            Some(c) if c != b',' && c != b'=' => self
                .take_while(|c| c != b',' && c != b' ' && c != b'\t')
                .to_string(),
            // `abc=` or `abc==`: a token68 with padding, not a parameter.
            _ => {
                self.i = start;
                return Ok(None);
            }
        };
        Ok(Some((name.to_ascii_lowercase(), value)))
    }

    /// Further `, param` items of the current challenge; stops (without
    /// consuming it) at a token that starts the next challenge.
    fn more_params(&mut self, params: &mut Vec<(String, String)>) -> Result<(), String> {
        loop {
            let before = self.i;
            self.skip_spaces();
            if self.peek() != Some(b',') {
                self.i = before;
                return Ok(());
            }
            let at_comma = self.i;
            self.skip_separators();
            if self.eof() {
                return Ok(());
            }
            match self.param()? {
                Some(param) => params.push(param),
                None => {
                    self.i = at_comma;
                    return Ok(());
                }
            }
        }
    }

    fn token68(&mut self) -> Result<String, String> {
        let mut t = self.take_while(is_token68_char).to_string();
        if t.is_empty() {
            return Err(self.error("a parameter or token68"));
        }
        t.push_str(self.take_while(|c| c == b'='));
        self.skip_spaces();
        if !self.eof() && self.peek() != Some(b',') {
            return Err(self.error("',' or the end"));
        }
        Ok(t)
    }

    fn quoted(&mut self) -> Result<String, String> {
        let open = self.i;
        self.i += 1;
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'"' => return Ok(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => match self.peek() {
                    Some(escaped) => {
                        out.push(escaped);
                        self.i += 1;
                    }
                    None => break,
                },
                _ => out.push(c),
            }
        }
        Err(format!(
            "unterminated quoted string starting at byte {open}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(header: &str) -> Challenge {
        let mut all = parse(header).unwrap();
        assert_eq!(all.len(), 1, "{header}: {all:?}");
        all.remove(0)
    }

    #[test]
    fn docker_hub_bearer() {
        let c = one(r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io""#);
        assert!(c.is("bearer"));
        assert_eq!(c.param("realm"), Some("https://auth.docker.io/token"));
        assert_eq!(c.param("Service"), Some("registry.docker.io"));
        assert_eq!(c.param("scope"), None);
    }

    #[test]
    fn bearer_with_scope_and_error() {
        let c = one(
            r#"Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull,push",error="invalid_token""#,
        );
        assert_eq!(c.param("scope"), Some("repository:a/b:pull,push"));
        assert_eq!(c.param("error"), Some("invalid_token"));
        assert_eq!(c.params.len(), 4);
    }

    #[test]
    fn basic() {
        let c = one(r#"Basic realm="Registry Realm""#);
        assert!(c.is("Basic"));
        assert_eq!(c.param("realm"), Some("Registry Realm"));
    }

    #[test]
    fn case_spaces_and_unquoted_values() {
        let c = one("BEARER  Realm = \"https://r/t\" ,\tService=svc , scope=repository:x/y:pull");
        assert!(c.is("Bearer"));
        assert_eq!(c.param("realm"), Some("https://r/t"));
        assert_eq!(c.param("service"), Some("svc"));
        assert_eq!(c.param("scope"), Some("repository:x/y:pull"));
    }

    #[test]
    fn escapes_in_quoted_strings() {
        let c = one(r#"Basic realm="say \"hi\" \\ bye""#);
        assert_eq!(c.param("realm"), Some(r#"say "hi" \ bye"#));
    }

    #[test]
    fn several_challenges_in_one_header() {
        let all = parse(r#"Basic realm="a", Bearer realm="https://b/token", service="b""#).unwrap();
        assert_eq!(all.len(), 2);
        assert!(all[0].is("basic"));
        assert_eq!(all[0].param("realm"), Some("a"));
        assert!(all[1].is("bearer"));
        assert_eq!(all[1].param("service"), Some("b"));
    }

    #[test]
    fn schemes_without_params_and_token68() {
        let all = parse("Negotiate, NTLM abc+/DEF==, Basic").unwrap();
        assert_eq!(all.len(), 3);
        assert!(all[0].is("negotiate") && all[0].params.is_empty());
        assert_eq!(all[1].token68.as_deref(), Some("abc+/DEF=="));
        assert!(all[2].is("basic") && all[2].params.is_empty());
    }

    #[test]
    fn token68_with_single_padding() {
        let c = one("Custom abc=");
        assert_eq!(c.token68.as_deref(), Some("abc="));
        assert!(c.params.is_empty());
    }

    #[test]
    fn empty_list_elements_are_skipped() {
        let all = parse(r#" , Basic realm="x",, , Bearer realm="y","#).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].param("realm"), Some("y"));
    }

    #[test]
    fn empty_header_has_no_challenges() {
        assert!(parse("").unwrap().is_empty());
        assert!(parse("  ").unwrap().is_empty());
    }

    #[test]
    fn several_headers() {
        let all = parse_all([r#"Basic realm="a""#, r#"Bearer realm="b""#]).unwrap();
        assert_eq!(all.len(), 2);
    }

    #[test]
    fn malformed_headers_are_errors() {
        assert!(
            parse(r#"Basic realm="unterminated"#)
                .unwrap_err()
                .contains("unterminated")
        );
        assert!(parse(r#"Basic realm="x\"#).is_err());
        assert!(
            parse("=oops")
                .unwrap_err()
                .contains("authentication scheme")
        );
        assert!(parse("Custom @@@").is_err());
        assert!(parse("Custom abc==x").is_err());
    }
}
