//! Unit tests of `write` (in their own file to keep `write.rs` short).

use std::rc::Rc;

use super::*;
use crate::context::Ctx;
use crate::db::Db;
use crate::error::{Code, exit_code};
use crate::paths::Paths;
use crate::secret::memory::MemoryStore;
use crate::service::catalog::{CatalogRead, CatalogWrite};
use crate::service::model::kind_of;

fn env(ctx: &Ctx) -> Env<'_> {
    crate::service::env(ctx, StoreKind::Keyring).unwrap()
}

fn setup() -> (tempfile::TempDir, Ctx, Db, Integration) {
    setup_with(Maker::Hand, &[])
}

fn setup_with(maker: Maker, subs: &[&str]) -> (tempfile::TempDir, Ctx, Db, Integration) {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data_dir: dir.path().to_path_buf(),
        config_dir: dir.path().to_path_buf(),
        config_file: dir.path().join("config.toml"),
    };
    let ctx = Ctx::with_store(paths, Rc::new(MemoryStore::default()));
    let mut db = ctx.open_db().unwrap();
    let new = NewIntegration {
        name: "hub".into(),
        family: kind_of("hub", "docker").unwrap().0,
        kind: kind_of("hub", "docker").unwrap().1,
        registry: crate::registry::DOCKER_HUB.into(),
        username: "u".into(),
        email: None,
        password: Secret::new("pw".into()),
        subscriptions: subs.iter().map(|s| s.to_string()).collect(),
        store: StoreKind::Keyring,
        verified: None,
    };
    let saved = create_by(&env(&ctx), &mut db, &new, maker).unwrap();
    (dir, ctx, db, saved)
}

#[test]
fn delete_decides_on_the_links_under_the_lock() {
    let (_dir, ctx, mut db, seen) = setup();
    // Another process attaches it after this one looked.
    let (sub, _) = db.subscription_or_create("late", Timestamp::now()).unwrap();
    db.attach(&sub, &seen.id, Timestamp::now()).unwrap();
    let err = delete(&env(&ctx), &mut db, &seen, false).err().unwrap();
    assert_eq!(exit_code(&err), Code::Conflict);
    assert!(db.find_integration("hub").unwrap().is_some());
    assert!(
        ctx.store(StoreKind::Keyring)
            .unwrap()
            .get(&seen.id)
            .unwrap()
            .is_some()
    );
}

#[test]
fn update_refuses_to_overwrite_a_change_made_meanwhile() {
    let (_dir, ctx, mut db, seen) = setup();
    db.conn
        .execute(
            "UPDATE integrations SET username = 'other', revision = revision + 1 WHERE id = ?1",
            [&seen.id],
        )
        .unwrap();
    let mine = Integration {
        email: Some("me@example.com".into()),
        ..seen.clone()
    };
    let err = update(&env(&ctx), &mut db, &seen, &mine, None)
        .err()
        .unwrap();
    assert_eq!(exit_code(&err), Code::Conflict);
    assert_eq!(db.integration_by_id(&seen.id).unwrap().username, "other");
}

#[test]
fn two_writers_in_the_same_second_do_not_overwrite_each_other() {
    let (_dir, ctx, mut db, seen) = setup();
    // Both read the same row, and both write within one second (the
    // resolution of `updated_at`): only the revision tells them apart.
    let first = Integration {
        username: "first".into(),
        ..seen.clone()
    };
    let second = Integration {
        username: "second".into(),
        ..seen.clone()
    };
    let saved = update(&env(&ctx), &mut db, &seen, &first, None).unwrap();
    assert_eq!(saved.revision.number(), seen.revision.number() + 1);
    let err = update(&env(&ctx), &mut db, &seen, &second, None)
        .err()
        .unwrap();
    assert_eq!(exit_code(&err), Code::Conflict);
    assert_eq!(db.integration_by_id(&seen.id).unwrap().username, "first");
    // A check of the credentials is a write too: an edit read before it
    // cannot write back the old result.
    db.record_verification(&seen.id, Timestamp::now(), "ok")
        .unwrap();
    let err = update(&env(&ctx), &mut db, &saved, &saved, None)
        .err()
        .unwrap();
    assert_eq!(exit_code(&err), Code::Conflict);
}

#[test]
fn a_helper_login_is_marked_with_its_row() {
    let (_dir, _ctx, db, hand) = setup();
    assert!(!db.is_helper_login(&hand.id).unwrap());
    let (_dir, _ctx, db, helper) = setup_with(Maker::Helper, &[]);
    assert!(db.is_helper_login(&helper.id).unwrap());
}

#[test]
fn what_serves_a_logged_out_registry_again() {
    let logged_out = |db: &Db, id: &IntegrationId| db.integration_by_id(id).unwrap().logged_out;
    let (_dir, ctx, mut db, seen) = setup_with(Maker::Helper, &["ci"]);
    db.mark_logout(&seen.registry).unwrap();
    assert!(logged_out(&db, &seen.id));
    // A helper login under a subscription leaves tools without one alone.
    let mut new = NewIntegration {
        name: "second".into(),
        family: kind_of("hub", "docker").unwrap().0,
        kind: kind_of("hub", "docker").unwrap().1,
        registry: seen.registry.clone(),
        username: "v".into(),
        email: None,
        password: Secret::new("pw".into()),
        subscriptions: vec!["ci".into()],
        store: StoreKind::Keyring,
        verified: None,
    };
    create_by(&env(&ctx), &mut db, &new, Maker::Helper).unwrap();
    assert!(logged_out(&db, &seen.id));
    // `edit --default` serves it again ...
    let current = db.integration_by_id(&seen.id).unwrap();
    let default = Integration {
        default: true,
        logged_out: false,
        ..current.clone()
    };
    update(&env(&ctx), &mut db, &current, &default, None).unwrap();
    assert!(!logged_out(&db, &seen.id));
    // ... and so does an integration made by hand.
    db.mark_logout(&seen.registry).unwrap();
    new.name = "third".into();
    create_by(&env(&ctx), &mut db, &new, Maker::Hand).unwrap();
    assert!(!logged_out(&db, &seen.id));
}
