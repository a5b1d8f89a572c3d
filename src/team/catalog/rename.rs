//! Renaming a subscription on a store without multi-key transactions. The
//! document moves from `subscriptions/<old>` to `subscriptions/<new>`, and
//! every row's spelling of the name follows; an attach or detach on
//! another machine must neither be lost nor land on the old document once
//! it has been copied. So the rename first marks the old document
//! (`renamed_to`), with check-and-set on the version it read: an attach or
//! detach that wrote before the mark makes the mark fail and the rename
//! read again (and copy that link); one that comes after finds the mark and
//! fails with a conflict (exit 4, run it again with the new name), after
//! taking back what it had written. Then the new document is created (create
//! only), the rows are relinked, and the old document goes. A crash after
//! the mark leaves a marked document, which doctor names and `--fix`
//! finishes with [`finish`] (every step of it can run twice).

use anyhow::Result;

use super::apply::{TRIES, backoff, busy, merge, remove, unlink_name};
use super::docs::{RowDoc, SubDoc, sub_key};
use super::tx::sub_exists;
use crate::error::{Failure, fail};
use crate::service::catalog::not_found;
use crate::team::client::{Client, Written};

/// The conflict of a write on a subscription that is being renamed.
pub fn renamed(old: &str, new: &str) -> Failure {
    Failure::conflict(format!(
        "subscription '{old}' was renamed to '{new}' meanwhile"
    ))
    .hint(format!("run the command again with '{new}'"))
}

/// Rename `old` to `new` (not only a change of case).
pub fn rename(c: &Client, old: &str, new: &str) -> Result<()> {
    let key = sub_key(old);
    for attempt in 0..TRIES {
        let Some(doc) = c.read::<SubDoc>(&key)? else {
            return fail(not_found("subscription", old));
        };
        match &doc.data.renamed_to {
            // An interrupted rename to the same name: finish it.
            Some(to) if to.eq_ignore_ascii_case(new) => return finish(c, &doc.data),
            Some(to) => return fail(renamed(&doc.data.name, to)),
            None => {}
        }
        let marked = SubDoc {
            renamed_to: Some(new.to_string()),
            ..doc.data
        };
        if c.write(&key, &marked, Some(doc.version))? != Written::CasMismatch {
            return finish(c, &marked);
        }
        backoff(attempt);
    }
    fail(busy())
}

/// Finish the rename `old` (marked) has begun: the new document (or the
/// one an interrupted run made), the rows, then the old document. If the
/// new name was taken meanwhile, the mark is taken back (exists, exit 4).
pub fn finish(c: &Client, old: &SubDoc) -> Result<()> {
    let Some(new) = old.renamed_to.as_deref() else {
        return Ok(());
    };
    let moved = SubDoc {
        name: new.to_string(),
        renamed_to: None,
        ..old.clone()
    };
    if c.write(&sub_key(new), &moved, Some(0))? == Written::CasMismatch {
        let ours = c
            .read::<SubDoc>(&sub_key(new))?
            .is_some_and(|d| d.data.created_at == old.created_at && d.data.renamed_to.is_none());
        if !ours {
            merge::<SubDoc>(c, &sub_key(&old.name), false, |d| {
                d.renamed_to.take().is_some()
            })?;
            return fail(sub_exists(new));
        }
    }
    for id in &old.integrations {
        let mut deleting = false;
        merge::<RowDoc>(c, &super::docs::row_key(id), false, |d| {
            deleting = d.deleting;
            let had = !d.deleting && unlink_name(d, &old.name);
            if had {
                d.subscriptions.push(new.to_string());
            }
            had
        })?;
        // A row being deleted took its links out of the old document only.
        if deleting {
            merge::<SubDoc>(c, &sub_key(new), false, |d| remove(&mut d.integrations, id))?;
        }
    }
    c.delete(&sub_key(&old.name))
}
