//! Fixed test inputs shared by several test files.

/// A service-account-shaped Google JSON key (the key itself is not real).
#[allow(dead_code)]
pub const JSON_KEY: &str = r#"{
  "type": "service_account",
  "project_id": "hubint-test",
  "private_key_id": "0123456789abcdef",
  "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
  "client_email": "pusher@hubint-test.iam.gserviceaccount.com",
  "client_id": "1234567890"
}"#;
