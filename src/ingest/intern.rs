//! Numbering ids (customers, orders) in order of first appearance.
//!
//! A million rows in shuffled order look their customer up in a table far
//! larger than the CPU cache, so each lookup costs a cache miss or two. Ids
//! of up to 23 bytes (card numbers, `C091234`, most e-mails) are kept inline
//! in the table's own slots, so a lookup touches one slot and never follows
//! a pointer to compare; longer ids go to a second table keyed by boxed
//! bytes. The hash is rustc's Fx: it needs only 64-bit multiplies, which
//! WebAssembly has, where hashers built on 128-bit products (foldhash,
//! aHash) call a slow helper for each one.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

const INLINE: usize = 23;

/// Ids to dense numbers from 0.
#[derive(Debug)]
pub struct Interner {
    short: HashMap<[u8; INLINE + 1], u32, FxBuildHasher>,
    long: HashMap<Box<[u8]>, u32, FxBuildHasher>,
    count: u32,
}

impl Default for Interner {
    fn default() -> Interner {
        Interner { short: HashMap::with_hasher(FxBuildHasher), long: HashMap::with_hasher(FxBuildHasher), count: 0 }
    }
}

impl Interner {
    /// The number of `id`, and whether it is new.
    pub fn number(&mut self, id: &[u8]) -> (u32, bool) {
        let next = self.count;
        let slot = if id.len() <= INLINE {
            let mut key = [0u8; INLINE + 1];
            key[..id.len()].copy_from_slice(id);
            key[INLINE] = id.len() as u8;
            self.short.entry(key).or_insert(next)
        } else {
            self.long.entry(id.into()).or_insert(next)
        };
        let is_new = *slot == next;
        self.count += u32::from(is_new);
        (*slot, is_new)
    }

    /// How many distinct ids.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// Whether no id was seen.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_order_of_first_appearance() {
        let mut ids = Interner::default();
        let long = "a-very-long-customer-email@example.com".as_bytes();
        assert_eq!(ids.number(b"C1"), (0, true));
        assert_eq!(ids.number(long), (1, true));
        assert_eq!(ids.number(b"C1"), (0, false));
        assert_eq!(ids.number(b"C1\0"), (2, true), "a trailing zero byte is a different id");
        assert_eq!(ids.number(long), (1, false));
        assert_eq!(ids.len(), 3);
    }
}
