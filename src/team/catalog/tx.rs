//! A unit of work on the team catalog: its reads ask the server now, its
//! writes are queued and applied at commit in the order given
//! (`apply.rs`); dropped without a commit, it wrote nothing. What a write
//! returns at once (whether a link is new, ...) is judged on a fresh read.

use std::cell::RefCell;
use std::collections::HashMap;

use anyhow::Result;

use super::apply;
use super::reads::{Kv, key_of};
use crate::error::{Failure, fail};
use crate::secret::StoreKind;
use crate::service::catalog::{
    CatalogRead, CatalogTx, CatalogWrite, Filter, Pending, Subscription, SubscriptionKey, not_found,
};
use crate::service::model::{Integration, IntegrationId, Timestamp};

/// One queued write.
#[derive(Debug)]
pub enum Op {
    Insert {
        row: Box<Integration>,
        helper: bool,
    },
    Update {
        seen: Box<Integration>,
        row: Box<Integration>,
    },
    Verify {
        id: IntegrationId,
        at: Timestamp,
        result: String,
    },
    /// Tombstone the row (at the version seen), then unlink it everywhere.
    Unlink {
        id: IntegrationId,
        seen: Option<u64>,
    },
    Delete {
        id: IntegrationId,
    },
    ClearDefault {
        registry: String,
        except: IntegrationId,
    },
    CreateSub {
        name: String,
        now: Timestamp,
        strict: bool,
    },
    RenameSub {
        old: String,
        new: String,
    },
    DeleteSub {
        name: String,
    },
    Attach {
        sub: String,
        id: IntegrationId,
    },
    Detach {
        sub: String,
        id: IntegrationId,
    },
    AddPending {
        id: IntegrationId,
        store: StoreKind,
    },
    RemovePending {
        id: IntegrationId,
    },
    MarkHelper {
        id: IntegrationId,
    },
    Logout {
        registry: String,
        out: bool,
    },
}

pub struct TeamTx<'a> {
    pub kv: &'a Kv,
    ops: RefCell<Vec<Op>>,
    /// The versions of the rows this unit of work read, by id.
    seen: RefCell<HashMap<IntegrationId, u64>>,
}

impl<'a> TeamTx<'a> {
    pub fn new(kv: &'a Kv) -> TeamTx<'a> {
        TeamTx {
            kv,
            ops: RefCell::default(),
            seen: RefCell::default(),
        }
    }

    fn push(&self, op: Op) {
        self.ops.borrow_mut().push(op);
    }

    fn saw(&self, i: &Integration) {
        self.seen
            .borrow_mut()
            .insert(i.id.clone(), i.revision.number());
    }
}

impl CatalogRead for TeamTx<'_> {
    fn find_integration(&self, name: &str) -> Result<Option<Integration>> {
        let found = self.kv.find_integration(name)?;
        found.iter().for_each(|i| self.saw(i));
        Ok(found)
    }
    fn integration_by_id(&self, id: &IntegrationId) -> Result<Integration> {
        let i = self.kv.integration_by_id(id)?;
        self.saw(&i);
        Ok(i)
    }
    fn integrations(&self, filter: &Filter<'_>) -> Result<Vec<Integration>> {
        self.kv.integrations(filter)
    }
    fn integrations_at(&self, registry: &str) -> Result<Vec<Integration>> {
        self.kv.integrations_at(registry)
    }
    fn integration_names(&self) -> Result<Vec<String>> {
        self.kv.integration_names()
    }
    fn ensure_name_free(&self, name: &str, except: Option<&IntegrationId>) -> Result<()> {
        self.kv.ensure_name_free(name, except)
    }
    fn find_subscription(&self, name: &str) -> Result<Option<SubscriptionKey>> {
        self.kv.find_subscription(name)
    }
    fn subscriptions(&self) -> Result<Vec<Subscription>> {
        self.kv.subscriptions()
    }
    fn subscription_summary(&self, name: &str) -> Result<Option<Subscription>> {
        self.kv.subscription_summary(name)
    }
    fn subscription_names(&self) -> Result<Vec<String>> {
        self.kv.subscription_names()
    }
    fn pending(&self) -> Result<Vec<Pending>> {
        self.kv.pending()
    }
    fn is_helper_login(&self, id: &IntegrationId) -> Result<bool> {
        self.kv.is_helper_login(id)
    }
}

impl CatalogWrite for TeamTx<'_> {
    fn insert_integration(&self, row: &Integration) -> Result<()> {
        self.push(Op::Insert {
            row: Box::new(row.clone()),
            helper: false,
        });
        Ok(())
    }
    fn update_integration(&self, seen: &Integration, row: &Integration) -> Result<()> {
        self.push(Op::Update {
            seen: Box::new(seen.clone()),
            row: Box::new(row.clone()),
        });
        Ok(())
    }
    fn record_verification(&self, id: &IntegrationId, at: Timestamp, result: &str) -> Result<()> {
        self.push(Op::Verify {
            id: id.clone(),
            at,
            result: result.to_string(),
        });
        Ok(())
    }
    fn delete_integration(&self, id: &IntegrationId) -> Result<bool> {
        let exists = self.kv.row(id)?.is_some();
        self.push(Op::Delete { id: id.clone() });
        Ok(exists)
    }
    fn clear_default(&self, registry: &str, except: &IntegrationId) -> Result<()> {
        self.push(Op::ClearDefault {
            registry: registry.to_string(),
            except: except.clone(),
        });
        Ok(())
    }
    fn subscription_or_create(
        &self,
        name: &str,
        now: Timestamp,
    ) -> Result<(SubscriptionKey, bool)> {
        if let Some(doc) = self.kv.sub(name)? {
            return Ok((key_of(doc.data.name), false));
        }
        self.push(Op::CreateSub {
            name: name.to_string(),
            now,
            strict: false,
        });
        Ok((key_of(name.to_string()), true))
    }
    fn create_subscription(&self, name: &str, now: Timestamp) -> Result<String> {
        if let Some(doc) = self.kv.sub(name)? {
            return fail(sub_exists(&doc.data.name));
        }
        self.push(Op::CreateSub {
            name: name.to_string(),
            now,
            strict: true,
        });
        Ok(name.to_string())
    }
    fn rename_subscription(&self, old: &str, new: &str) -> Result<String> {
        let Some(doc) = self.kv.sub(old)? else {
            return fail(not_found("subscription", old));
        };
        if !old.eq_ignore_ascii_case(new)
            && let Some(taken) = self.kv.sub(new)?
        {
            return fail(
                Failure::conflict(format!("subscription '{}' already exists", taken.data.name))
                    .hint("pick another name, or delete that one first"),
            );
        }
        self.push(Op::RenameSub {
            old: old.to_string(),
            new: new.to_string(),
        });
        Ok(doc.data.name)
    }
    fn delete_subscription(&self, key: &SubscriptionKey) -> Result<()> {
        self.push(Op::DeleteSub {
            name: key.name.clone(),
        });
        Ok(())
    }
    fn attach(&self, sub: &SubscriptionKey, id: &IntegrationId, _now: Timestamp) -> Result<bool> {
        let inserted = self
            .ops
            .borrow()
            .iter()
            .any(|op| matches!(op, Op::Insert { row, .. } if row.id == *id));
        let linked = match self.kv.row(id)? {
            Some(row) => row.data.linked(&sub.name),
            None if inserted => false,
            None => return fail(super::reads::gone()),
        };
        self.push(Op::Attach {
            sub: sub.name.clone(),
            id: id.clone(),
        });
        Ok(!linked)
    }
    fn detach(&self, sub: &SubscriptionKey, id: &IntegrationId) -> Result<bool> {
        let linked = self.kv.row(id)?.is_some_and(|r| r.data.linked(&sub.name));
        if linked {
            self.push(Op::Detach {
                sub: sub.name.clone(),
                id: id.clone(),
            });
        }
        Ok(linked)
    }
    fn detach_all(&self, id: &IntegrationId) -> Result<usize> {
        let Some(row) = self.kv.row(id)? else {
            return Ok(0);
        };
        let seen = self.seen.borrow().get(id).copied().or(Some(row.version));
        self.push(Op::Unlink {
            id: id.clone(),
            seen,
        });
        Ok(row.data.subscriptions.len())
    }
    fn add_pending(&self, id: &IntegrationId, store: StoreKind) -> Result<()> {
        self.push(Op::AddPending {
            id: id.clone(),
            store,
        });
        Ok(())
    }
    fn remove_pending(&self, id: &IntegrationId, _store: StoreKind) -> Result<()> {
        self.push(Op::RemovePending { id: id.clone() });
        Ok(())
    }
    fn mark_helper_login(&self, id: &IntegrationId) -> Result<()> {
        let mut ops = self.ops.borrow_mut();
        let queued = ops.iter_mut().find_map(|op| match op {
            Op::Insert { row, helper } if row.id == *id => Some(helper),
            _ => None,
        });
        match queued {
            Some(helper) => *helper = true,
            None => ops.push(Op::MarkHelper { id: id.clone() }),
        }
        Ok(())
    }
    fn mark_logout(&self, registry: &str) -> Result<()> {
        self.push(Op::Logout {
            registry: registry.to_string(),
            out: true,
        });
        Ok(())
    }
    fn clear_logout(&self, registry: &str) -> Result<()> {
        self.push(Op::Logout {
            registry: registry.to_string(),
            out: false,
        });
        Ok(())
    }
}

impl CatalogTx for TeamTx<'_> {
    fn commit(self: Box<Self>) -> Result<()> {
        let ops = self.ops.into_inner();
        for op in ops {
            apply::apply(&self.kv.client, op)?;
        }
        Ok(())
    }
}

pub fn sub_exists(name: &str) -> Failure {
    Failure::conflict(format!("subscription '{name}' already exists"))
        .hint("`hubint subscription list` shows the subscriptions")
}
