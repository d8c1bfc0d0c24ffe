//! The document a user saves: articles plus the user's decisions, as versioned RON.
