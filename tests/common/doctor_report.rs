//! `hubint doctor --json` for the doctor tests: run it (exit code and
//! report) and pick one check's findings. Include it with
//! `#[path = "common/doctor_report.rs"] mod doctor_report;` next to
//! `mod common;`.

use crate::common::{self, TestEnv, stderr};

/// `doctor --json ARGS...`: (exit code, report).
pub fn doctor(env: &TestEnv, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["doctor", "--json"];
    all.extend_from_slice(args);
    let out = env.output(&all);
    common::assert_sane("doctor", &out);
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("doctor --json: {e}: {}", stderr(&out));
    });
    (out.status.code().unwrap(), report)
}

/// The findings of one check, as (status, detail, fix).
pub fn findings(report: &serde_json::Value, check: &str) -> Vec<(String, String, String)> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == check)
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("-").to_string();
            (s("status"), s("detail"), s("fix"))
        })
        .collect()
}
