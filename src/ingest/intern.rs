//! Numbering ids (customers, orders) in order of first appearance.
//!
//! A million rows in shuffled order look their customer up in a table far
//! larger than the CPU cache, so each lookup costs a cache miss or two. Ids
//! of up to 23 bytes (card numbers, `C091234`, most e-mails) are kept inline
//! in the table's own slots, so a lookup touches one slot and never follows
//! a pointer to compare; longer ids go to a second table keyed by boxed
//! bytes.
//!
//! The ids come from a file anyone can write, so the hash is keyed: with an
//! unkeyed one (rustc's Fx, used before), ids crafted to collide turned a
//! few MB into minutes of probing. SipHash-1-3 keyed by a seed the caller
//! draws at random for each run cannot be steered by a file prepared in
//! advance; it needs only 64-bit arithmetic, which WebAssembly has
//! (foldhash's 128-bit products call a slow helper there).

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;

use siphasher::sip::SipHasher13;

const INLINE: usize = 23;

/// SipHash-1-3 with a key made from one 64-bit seed.
#[derive(Debug, Clone, Copy)]
struct Keyed {
    keys: (u64, u64),
}

impl Keyed {
    fn new(seed: u64) -> Keyed {
        // The second half of the key, mixed from the seed (SplitMix64's
        // finaliser), so that no two seeds give related keys.
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Keyed { keys: (seed, z ^ (z >> 31)) }
    }
}

impl BuildHasher for Keyed {
    type Hasher = SipHasher13;

    fn build_hasher(&self) -> SipHasher13 {
        SipHasher13::new_with_keys(self.keys.0, self.keys.1)
    }
}

/// Ids to dense numbers from 0.
#[derive(Debug)]
pub struct Interner {
    short: HashMap<[u8; INLINE + 1], u32, Keyed>,
    long: HashMap<Box<[u8]>, u32, Keyed>,
    count: u32,
}

impl Default for Interner {
    /// Seeded from the standard library's random state: random natively; on
    /// the web, where the standard library has no source of randomness, a
    /// fixed seed, until the boundary passes one in ([`Interner::with_seed`]).
    fn default() -> Interner {
        Interner::with_seed(RandomState::new().hash_one(0u8))
    }
}

impl Interner {
    /// An empty interner whose table is keyed by `seed`. The numbers do not
    /// depend on it; only how hard the table is to attack does, so it should
    /// be drawn at random for each run, never fixed or taken from the input.
    pub fn with_seed(seed: u64) -> Interner {
        let keyed = Keyed::new(seed);
        Interner { short: HashMap::with_hasher(keyed), long: HashMap::with_hasher(keyed), count: 0 }
    }

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

    #[test]
    fn numbering_does_not_depend_on_the_seed() {
        let ids: Vec<Vec<u8>> = (0..20_000u32)
            .map(|i| {
                let n = i.wrapping_mul(2_654_435_761) % 5_000;
                if n % 3 == 0 {
                    format!("customer-with-a-long-address-{n}@example.com").into_bytes()
                } else {
                    format!("C{n}").into_bytes()
                }
            })
            .collect();
        let numbering = |mut interner: Interner| ids.iter().map(|id| interner.number(id)).collect::<Vec<_>>();
        let expected = numbering(Interner::default());
        assert_eq!(expected.iter().filter(|(_, new)| *new).count(), 5_000);
        for seed in [0, 1, 0x5eed, u64::MAX] {
            assert_eq!(numbering(Interner::with_seed(seed)), expected, "seed {seed}");
        }
    }

    #[test]
    fn the_hash_depends_on_the_seed() {
        // Fx hashed every id alike in every run, so colliding ids could be prepared.
        let hashes = |id: &[u8]| [1, 2, 3].map(|seed| Keyed::new(seed).hash_one(id));
        for id in [&b"C1"[..], b"", b"anna@example.com"] {
            let [a, b, c] = hashes(id);
            assert!(a != b && b != c && a != c, "{id:?}");
        }
    }
}
