//! Enums spelled as one fixed word per variant ([`word_enum!`]): the
//! settings' choices, the secret store kinds, verification outcomes.

/// Writes the word mapping of a plain enum once:
///
/// - `word_enum!(Type { Variant => "word", ... })`: `as_str` and `Display`.
/// - `word_enum!(setting Type { ... })`: also `FromStr` (the word, ignoring
///   surrounding blanks; anything else says which words there are) and serde
///   as the word, so that an environment variable, `config set` and the
///   config file are read by the same code, with the same message.
macro_rules! word_enum {
    ($name:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        impl $name {
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    (setting $name:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        $crate::words::word_enum!($name { $($variant => $word),+ });

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> ::core::result::Result<Self, String> {
                match s.trim() {
                    $($word => Ok($name::$variant),)+
                    other => Err(format!(
                        "'{other}' is not one of {}",
                        [$($word),+].join(", ")
                    )),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                let text = <String as ::serde::Deserialize>::deserialize(d)?;
                text.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use word_enum;
