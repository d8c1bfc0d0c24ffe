//! Rendered snapshots of the main screen in the light and the dark theme (wgpu; lavapipe gives
//! an adapter on machines without a GPU). A machine that cannot render fails these tests — they
//! never skip. Update the images with `UPDATE_SNAPSHOTS=1 cargo test --test ui_snapshots`.

mod common;

use claimdiff::app::{App, Command};
use claimdiff::ingest::Article;
use egui_kittest::{Harness, SnapshotOptions};

fn main_screen(theme: egui::Theme) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(theme)
        .with_max_steps(12)
        .wgpu()
        .build_eframe(|cc| App::new(cc, claimdiff::app::Startup::isolated(Vec::new())));
    harness.run();
    // Select a group, so the differences panel and the highlight are part of the picture.
    harness.state_mut().apply(Command::NextGroup);
    harness.state_mut().apply(Command::NextGroup);
    harness.run();
    harness
}

fn options() -> SnapshotOptions {
    // Software and hardware rasterisers differ in anti-aliasing at glyph edges only.
    SnapshotOptions::new().threshold(1.0).max_failed_pixels(400)
}

#[test]
fn main_screen_light() {
    let mut harness = main_screen(egui::Theme::Light);
    harness.snapshot_options("main_light", &options());
}

#[test]
fn main_screen_dark() {
    let mut harness = main_screen(egui::Theme::Dark);
    harness.snapshot_options("main_dark", &options());
}

#[test]
fn unsaved_changes_dialog() {
    let mut harness = main_screen(egui::Theme::Light);
    harness
        .state_mut()
        .apply(Command::SetSearch("flood".into()));
    harness.state_mut().apply(Command::Quit);
    harness.run();
    harness.snapshot_options("unsaved_dialog", &options());
}

fn screen_with(articles: Vec<Article>, width: f32, height: f32) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_theme(egui::Theme::Light)
        .with_max_steps(12)
        .wgpu()
        .build_eframe(move |_| App::with_articles(articles.clone()));
    harness.run();
    harness.state_mut().wait_for_analysis();
    harness.state_mut().apply(Command::NextConflict);
    harness.run();
    harness
}

#[test]
fn small_window_six_articles() {
    let mut articles = claimdiff::ingest::demo::demo_articles();
    articles.push(common::other_story("Valley Herald", Some("2026-03-12"), 1));
    articles.push(common::other_story("Carrow Times", Some("2026-03-12"), 2));
    let mut harness = screen_with(articles, 1024.0, 700.0);
    harness.snapshot_options("small_six_articles", &options());
}

#[test]
fn large_window_thirty_articles() {
    let mut harness = screen_with(common::many_articles(30), 1600.0, 1000.0);
    harness.snapshot_options("large_thirty_articles", &options());
}
