//! The eframe desktop window.
