//! Frame time of the real window: the CPU time of one full frame (layout of every panel plus
//! tessellation, no GPU) with 6 and with 30 articles open and a group selected.
//!
//! Targets on a 2-core machine: 6 articles < 4 ms, 30 articles < 8 ms. The extra articles are
//! the demo story's four, varied (outlet, numbers, order of paragraphs) so that they group like
//! real coverage of one story.

use claimdiff::app::{App, Command};
use claimdiff::ingest::Article;
use claimdiff::ingest::demo::DEMO_FILES;
use claimdiff::ingest::import_text;
use criterion::{Criterion, criterion_group, criterion_main};

const SCREEN: egui::Vec2 = egui::vec2(1600.0, 1000.0);

/// `n` articles: the demo's four, then variations of them.
fn articles(n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let (name, text) = DEMO_FILES[i % DEMO_FILES.len()];
            if i < DEMO_FILES.len() {
                return import_text(text, Some(name));
            }
            let round = i / DEMO_FILES.len();
            let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
            for line in &mut lines {
                if let Some(outlet) = line.strip_prefix("Outlet: ") {
                    *line = format!("Outlet: {outlet} Edition {round}");
                }
                *line = line
                    .replace("1,200", &format!("{}", 1_200 + round * 50))
                    .replace(
                        "Two people",
                        if round.is_multiple_of(2) {
                            "Two people"
                        } else {
                            "Three people"
                        },
                    );
            }
            // Swap two body paragraphs so the order of claims varies too.
            let body: Vec<usize> = (0..lines.len()).filter(|&l| lines[l].len() > 60).collect();
            if body.len() >= 3 {
                lines.swap(body[1], body[2]);
            }
            import_text(&lines.join("\n"), Some(&format!("variant-{i}-{name}")))
        })
        .collect()
}

fn raw_input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
        events,
        ..Default::default()
    }
}

/// One full frame: the app's ui, then tessellation; textures are handed back as a renderer
/// would (dropped here).
fn frame(ctx: &egui::Context, app: &mut App, events: Vec<egui::Event>) -> usize {
    let mut output = ctx.run_ui(raw_input(events), |ui| app.show(ui));
    output.textures_delta.clear();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn setup(n: usize) -> (egui::Context, App) {
    let ctx = egui::Context::default();
    claimdiff::app::theme::setup(&ctx);
    let mut app = App::with_articles(articles(n));
    app.wait_for_analysis();
    app.apply(Command::NextGroup);
    app.apply(Command::NextGroup);
    // Settle: fonts, first layout, scrolling to the selection, glyph atlas.
    for _ in 0..10 {
        frame(&ctx, &mut app, Vec::new());
    }
    (ctx, app)
}

fn bench_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for n in [6, 30] {
        let (ctx, mut app) = setup(n);
        group.bench_function(format!("{n} articles, idle repaint"), |b| {
            b.iter(|| frame(&ctx, &mut app, Vec::new()));
        });
        // The pointer moving over the columns: hover highlights change every frame.
        let mut x = 0.0;
        group.bench_function(format!("{n} articles, pointer moving"), |b| {
            b.iter(|| {
                x = (x + 37.0) % SCREEN.x;
                let pos = egui::pos2(x, 300.0);
                frame(&ctx, &mut app, vec![egui::Event::PointerMoved(pos)])
            });
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(60).measurement_time(std::time::Duration::from_secs(4));
    targets = bench_frames
}
criterion_main!(benches);
