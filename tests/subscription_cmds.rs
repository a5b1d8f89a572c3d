//! `hubint subscription attach|detach|list`.

mod common;

use common::TestEnv;

#[test]
fn attach_creates_the_subscription_on_first_use() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("att-one", "pw", &[]);
    env.add("att-two", "pw", &[]);
    snapshot!(env, env.cmd(&["subscription", "attach", "Team-X", "att-one"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Created subscription Team-X.
    Attached att-one to Team-X.
    ");
    snapshot!(env, env.cmd(&["subscription", "attach", "team-x", "ATT-TWO", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "name": "Team-X",
      "integrations": [
        "att-one",
        "att-two"
      ],
      "created_at": "[TIME]"
    }

    ----- stderr -----
    Attached att-two to Team-X.
    "#);
    assert_eq!(
        env.json(&["show", "att-one"])["subscriptions"],
        serde_json::json!(["Team-X"])
    );
}

#[test]
fn attaching_twice_succeeds_and_says_so() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("att-twice", "pw", &["--subscription", "twice"]);
    snapshot!(env, env.cmd(&["subscription", "attach", "twice", "att-twice"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    att-twice is already attached to twice.
    ");
    let list = env.json(&["subscription", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["integrations"], serde_json::json!(["att-twice"]));
}

#[test]
fn attaching_a_missing_integration_is_not_found_and_creates_nothing() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["subscription", "attach", "new-sub", "ghost"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no integration named 'ghost'
    hint: run `hubint integration list` to see the integrations
    ");
    snapshot!(env, env.cmd(&["subscription", "list", "--json"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    []

    ----- stderr -----
    ");
}

#[test]
fn attaching_to_an_invalid_subscription_name_is_a_usage_error() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("att-bad-sub", "pw", &[]);
    snapshot!(env, env.cmd(&["subscription", "attach", "bad sub", "att-bad-sub"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid SUBSCRIPTION: a name holds only letters, digits, '-', '_' and '.', not a space
    hint: run the command with --help to see what SUBSCRIPTION accepts
    ");
    snapshot!(env, env.cmd(&["subscription", "attach", "_lead", "att-bad-sub"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid SUBSCRIPTION: a name starts with a letter or a digit
    hint: run the command with --help to see what SUBSCRIPTION accepts
    ");
    let long = "s".repeat(65);
    snapshot!(env, env.cmd(&["subscription", "attach", &long, "att-bad-sub"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid SUBSCRIPTION: a name has at most 64 characters
    hint: run the command with --help to see what SUBSCRIPTION accepts
    ");
    assert!(
        env.json(&["subscription", "list"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn detach_removes_the_link_and_keeps_the_subscription() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("det-one", "pw", &["--subscription", "det-sub"]);
    env.add("det-two", "pw", &["--subscription", "det-sub"]);
    snapshot!(env, env.cmd(&["subscription", "detach", "DET-SUB", "det-one"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Detached det-one from det-sub.
    ");
    snapshot!(env, env.cmd(&["subscriptions", "detach", "det-sub", "det-two", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "name": "det-sub",
      "integrations": [],
      "created_at": "[TIME]"
    }

    ----- stderr -----
    Detached det-two from det-sub.
    "#);
    assert!(
        env.json(&["show", "det-one"])["subscriptions"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn detach_when_not_attached_is_not_found() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("det-free", "pw", &[]);
    env.add("det-used", "pw", &["--subscription", "det-here"]);
    snapshot!(env, env.cmd(&["subscription", "detach", "det-here", "det-free"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: integration 'det-free' is not attached to subscription 'det-here'
    hint: `hubint subscription list` shows what det-here uses
    ");
}

#[test]
fn detach_from_a_missing_subscription_or_integration_is_not_found() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("det-x", "pw", &["--subscription", "det-real"]);
    snapshot!(env, env.cmd(&["subscription", "detach", "det-nowhere", "det-x"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no subscription named 'det-nowhere'
    hint: run `hubint subscription list` to see the subscriptions
    ");
    snapshot!(env, env.cmd(&["subscription", "detach", "det-real", "det-ghost"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no integration named 'det-ghost'
    hint: run `hubint integration list` to see the integrations
    ");
    assert_eq!(env.json(&["show", "det-x"])["subscriptions"][0], "det-real");
}

#[test]
fn subscription_list_table_and_json() {
    needs_keyring!();
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["subscription", "list"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    No subscriptions. Attach an integration with `hubint subscription attach SUBSCRIPTION INTEGRATION`.
    ");
    snapshot!(env, env.cmd(&["subscription", "list", "--json"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    []

    ----- stderr -----
    ");
    env.add(
        "lst-b",
        "pw",
        &["--subscription", "beta", "--subscription", "Alpha"],
    );
    env.add("lst-a", "pw", &["--subscription", "beta"]);
    let out = env.output(&["subscription", "detach", "Alpha", "lst-b"]);
    assert!(out.status.success(), "{out:?}");
    snapshot!(env, env.cmd(&["subscription", "ls"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    Alpha	-
    beta	lst-a, lst-b

    ----- stderr -----
    ");
    snapshot!(env, env.cmd(&["subscription", "list", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    [
      {
        "name": "Alpha",
        "integrations": [],
        "created_at": "[TIME]"
      },
      {
        "name": "beta",
        "integrations": [
          "lst-a",
          "lst-b"
        ],
        "created_at": "[TIME]"
      }
    ]

    ----- stderr -----
    "#);
}

/// Another process renames the subscription just after an attach: the
/// attach stands (exit 0, the link follows the rename), with a note instead
/// of its `--json` read-back.
#[test]
fn an_attach_stands_when_the_subscription_is_renamed_just_after() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("moving", "pw", &[]);
    let point = Some("link-before-read-back:pause");
    let args = ["subscription", "attach", "Old", "moving", "--json"];
    let mut attach = env.spawn(&args, "", point);
    assert!(common::wait_for(
        &mut attach,
        "failpoint link-before-read-back: pausing"
    ));
    let rename = env.run(&["subscription", "rename", "Old", "New"], "");
    assert!(rename.status.success(), "{}", common::stderr(&rename));
    let out = attach.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("subscription Old was renamed or deleted meanwhile"),
        "{err}"
    );
    assert_eq!(
        env.show("moving")["subscriptions"],
        serde_json::json!(["New"])
    );
}
