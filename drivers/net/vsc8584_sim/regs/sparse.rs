// SPDX-License-Identifier: GPL-2.0

//! Fixed-capacity sparse storage for 32-bit registers.
//!
//! Most register banks behind the indirect windows are large (4096 or 16384
//! words) but only a few dozen of their registers are ever written. Keeping
//! them in full arrays would cost hundreds of KiB of kernel memory per package,
//! so they live here instead: a sorted table of (key, value) pairs. A register
//! that holds 0 has no entry, which is also what a never-written register reads
//! as, so the many "clear the statistics" loops of the C driver cost nothing.

/// A sorted table of at most `N` non-zero 32-bit registers, keyed by a `u32`.
///
/// Reads of a key without an entry return 0. A write that needs a new entry
/// while the table is full is dropped and counted (see [`SparseStore::dropped`]),
/// so that tests and debugfs can tell that the capacity was too small.
#[derive(Clone, Debug)]
pub struct SparseStore<const N: usize> {
    keys: [u32; N],
    vals: [u32; N],
    len: usize,
    dropped: u32,
}

impl<const N: usize> Default for SparseStore<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> SparseStore<N> {
    /// Returns an empty store.
    pub const fn new() -> Self {
        Self {
            keys: [0; N],
            vals: [0; N],
            len: 0,
            dropped: 0,
        }
    }

    /// Forgets every register (all read 0 again) and the dropped-write count.
    pub fn clear(&mut self) {
        self.keys.fill(0);
        self.vals.fill(0);
        self.len = 0;
        self.dropped = 0;
    }

    /// Number of registers that currently hold a non-zero value.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Returns whether every register reads 0.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of writes dropped because the table was full.
    pub fn dropped(&self) -> u32 {
        self.dropped
    }

    /// The non-zero registers as `(key, value)`, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.keys
            .iter()
            .zip(self.vals.iter())
            .take(self.len)
            .map(|(k, v)| (*k, *v))
    }

    /// Position of `key`, or where it would have to be inserted.
    fn find(&self, key: u32) -> Result<usize, usize> {
        match self.keys.get(..self.len) {
            Some(keys) => keys.binary_search(&key),
            None => Err(0),
        }
    }

    /// Value of the register `key` (0 if it was never written).
    pub fn get(&self, key: u32) -> u32 {
        match self.find(key) {
            Ok(i) => self.vals.get(i).copied().unwrap_or(0),
            Err(_) => 0,
        }
    }

    /// Writes `val` to the register `key`.
    ///
    /// Returns `false` if the write was dropped because the table is full.
    pub fn set(&mut self, key: u32, val: u32) -> bool {
        match self.find(key) {
            Ok(i) if val == 0 => {
                self.remove(i);
                true
            }
            Ok(i) => {
                if let Some(v) = self.vals.get_mut(i) {
                    *v = val;
                }
                true
            }
            // A zero needs no entry: an absent key already reads 0.
            Err(_) if val == 0 => true,
            Err(pos) => self.insert(pos, key, val),
        }
    }

    /// Inserts a new entry at `pos`, keeping the keys sorted.
    fn insert(&mut self, pos: usize, key: u32, val: u32) -> bool {
        let len = self.len;
        if len >= N || pos > len {
            self.dropped = self.dropped.saturating_add(1);
            return false;
        }
        // Put the new entry in the first free slot, then rotate it into place.
        if let (Some(k), Some(v)) = (self.keys.get_mut(len), self.vals.get_mut(len)) {
            *k = key;
            *v = val;
        }
        if let Some(keys) = self.keys.get_mut(pos..=len) {
            keys.rotate_right(1);
        }
        if let Some(vals) = self.vals.get_mut(pos..=len) {
            vals.rotate_right(1);
        }
        self.len = len + 1;
        true
    }

    /// Removes the entry at `i`.
    fn remove(&mut self, i: usize) {
        let len = self.len;
        if i >= len {
            return;
        }
        if let Some(keys) = self.keys.get_mut(i..len) {
            keys.rotate_left(1);
        }
        if let Some(vals) = self.vals.get_mut(i..len) {
            vals.rotate_left(1);
        }
        let last = len - 1;
        if let (Some(k), Some(v)) = (self.keys.get_mut(last), self.vals.get_mut(last)) {
            *k = 0;
            *v = 0;
        }
        self.len = last;
    }
}
