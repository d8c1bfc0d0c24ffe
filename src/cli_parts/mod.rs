//! Parts of the command line that are large enough for a file of their own.

pub mod stories;
