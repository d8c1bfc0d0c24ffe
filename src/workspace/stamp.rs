//! What a file looked like when we last read or wrote it, to notice changes made by others.

use std::time::SystemTime;

/// A file's length, content hash and modification time at open or save.
///
/// Two stamps describe the same content when length and hash agree ([`FileStamp::same_content`]);
/// the time is kept for messages ("changed at 14:03") and is not trusted on its own, because
/// copies, sync tools and coarse file systems move it without changing the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    /// Length in bytes.
    pub len_bytes: u64,
    /// 64-bit FNV-1a hash of the content (stable across runs and builds).
    pub hash: u64,
    /// Modification time, when the file system reports one.
    pub modified: Option<SystemTime>,
}

impl FileStamp {
    /// The stamp of `bytes` as read from (or written to) a file modified at `modified`.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            len_bytes: bytes.len() as u64,
            hash: fnv1a64(bytes),
            modified,
        }
    }

    /// True when `other` describes the same content (length and hash).
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len_bytes == other.len_bytes && self.hash == other.hash
    }
}

/// 64-bit FNV-1a: tiny, dependency-free and stable, enough to notice an edited file.
pub(crate) fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn same_content_ignores_time() {
        let a = FileStamp::of_bytes(b"x", None);
        let b = FileStamp::of_bytes(b"x", Some(SystemTime::now()));
        assert!(a.same_content(&b));
        assert!(!a.same_content(&FileStamp::of_bytes(b"y", None)));
    }
}
