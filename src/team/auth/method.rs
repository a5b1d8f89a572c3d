//! The `team-auth` setting: how hubint gets its client token.

/// The auth method of the team store (`team-auth`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// A token the user already has: `VAULT_TOKEN`, `BAO_TOKEN`, `~/.vault-token`.
    #[default]
    Token,
    /// AppRole: `team-role-id` and the secret_id in `team-secret-id-file`.
    AppRole,
    /// JWT/OIDC (CI): `team-jwt-role` and the token in `team-jwt-file`.
    Jwt,
}

crate::words::word_enum!(setting Method {
    Token => "token",
    AppRole => "approle",
    Jwt => "jwt",
});

impl Method {
    /// The mount of the auth method when `team-auth-mount` is empty.
    pub fn default_mount(self) -> &'static str {
        self.as_str()
    }
}
