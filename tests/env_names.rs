//! `hubint env` names variables by the hosted CI's rule; a name that
//! leaves nothing of it is exit 2 with a fix.

mod common;

use common::TestEnv;

#[test]
fn names_follow_the_hosted_ci_rule_and_an_empty_result_is_an_error() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("my-key-1", "pw-1", &[]);
    env.add("my_key_1", "pw-2", &[]);
    env.add("123", "pw-3", &[]);
    let keys = |name: &str| -> Vec<String> {
        env.json(&["env", name])
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(
        keys("my-key-1"),
        [
            "MYKEY1_INTEGRATION_EMAIL",
            "MYKEY1_INTEGRATION_PASSWORD",
            "MYKEY1_INTEGRATION_URL",
            "MYKEY1_INTEGRATION_USERNAME"
        ]
    );
    assert!(keys("my_key_1").contains(&"MY_KEY_1_INTEGRATION_PASSWORD".to_string()));
    snapshot!(env, env.cmd(&["env", "123"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: the name '123' gives no environment variable name: only letters, digits and '_' are kept, and leading digits are dropped
    hint: give it a name with a letter, e.g. `hubint integration edit 123 --name reg-123`
    ");
    snapshot!(env, env.cmd(&["exec", "123", "--", "true"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: the name '123' gives no environment variable name: only letters, digits and '_' are kept, and leading digits are dropped
    hint: give it a name with a letter, e.g. `hubint integration edit 123 --name reg-123`
    ");
}
