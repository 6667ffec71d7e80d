//! Time to quality: the best-so-far curve of a tuning run, written by
//! `kiln tune --curve FILE` (CSV or JSON) and drawn by `kiln cache show
//! KEY --plot` (terminal) or `--svg FILE`.

use serde::Serialize;
use std::path::Path;

/// One finished trial of a run.
#[derive(Clone, Debug, Serialize)]
pub struct Point {
    /// Trials so far (1-based).
    pub trial: usize,
    /// Seconds since the run started.
    pub seconds: f64,
    /// The trial's status (`ok`, `wrong`, `abandoned`, ...).
    pub status: String,
    /// Its median seconds (ok trials).
    pub median_s: Option<f64>,
    /// The best median so far.
    pub best_s: Option<f64>,
}

/// Points from stored trials (oldest first): best so far by trial, time
/// from the trials' stamps (whole seconds).
pub fn from_trials(trials: &[kiln_cache::Trial]) -> Vec<Point> {
    let t0 = trials.first().map_or(0, |t| t.created_at);
    let mut best: Option<f64> = None;
    trials
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let ok = (t.status == kiln_cache::Status::Ok)
                .then_some(t.median_s)
                .flatten();
            if let Some(m) = ok {
                best = Some(best.map_or(m, |b| b.min(m)));
            }
            Point {
                trial: i + 1,
                seconds: (t.created_at - t0) as f64,
                status: t.status.as_str().into(),
                median_s: ok,
                best_s: best,
            }
        })
        .collect()
}

/// Writes the curve: CSV when the file name ends in `.csv`, else JSON.
pub fn write(path: &Path, points: &[Point]) -> anyhow::Result<()> {
    let text = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        let mut s = String::from("trial,seconds,status,median_s,best_s\n");
        let opt = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:e}"));
        for p in points {
            s += &format!(
                "{},{:.3},{},{},{}\n",
                p.trial,
                p.seconds,
                p.status,
                opt(p.median_s),
                opt(p.best_s)
            );
        }
        s
    } else {
        serde_json::to_string_pretty(points)? + "\n"
    };
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))
}

/// The points that have a best so far: (trial, best seconds).
fn bests(points: &[Point]) -> Vec<(usize, f64)> {
    points
        .iter()
        .filter_map(|p| p.best_s.map(|b| (p.trial, b)))
        .collect()
}

/// A terminal plot of best-so-far against trials, `width` x `height`
/// characters of plot area; `None` when no trial succeeded.
pub fn ascii(points: &[Point], width: usize, height: usize) -> Option<String> {
    let b = bests(points);
    let (lo, hi) = b.iter().fold((f64::INFINITY, 0f64), |(lo, hi), &(_, v)| {
        (lo.min(v), hi.max(v))
    });
    if b.is_empty() || width < 2 || height < 2 {
        return None;
    }
    let n = points.len().max(2);
    let mut grid = vec![vec![' '; width]; height];
    let span = (hi - lo).max(hi * 1e-9);
    for &(trial, v) in &b {
        let x = (trial - 1) * (width - 1) / (n - 1);
        let y = ((hi - v) / span * (height - 1) as f64).round() as usize;
        grid[height - 1 - y.min(height - 1)][x] = '*';
    }
    let mut out = String::new();
    for (r, row) in grid.iter().enumerate() {
        let label = if r == 0 {
            format!("{:>10.4} ms |", hi * 1e3)
        } else if r == height - 1 {
            format!("{:>10.4} ms |", lo * 1e3)
        } else {
            format!("{:>13} |", "")
        };
        out += &label;
        out.extend(row.iter());
        out += "\n";
    }
    out += &format!("{:>13} +{}\n", "", "-".repeat(width));
    out += &format!(
        "{:>13}  trial 1{:>w$}\n",
        "",
        format!("trial {}", points.len()),
        w = width.saturating_sub(7)
    );
    Some(out)
}

/// An SVG plot of best-so-far against trials.
pub fn svg(points: &[Point], title: &str) -> Option<String> {
    let b = bests(points);
    if b.is_empty() {
        return None;
    }
    let (w, h, m) = (640.0, 360.0, 60.0);
    let (lo, hi) = b.iter().fold((f64::INFINITY, 0f64), |(lo, hi), &(_, v)| {
        (lo.min(v), hi.max(v))
    });
    let span = (hi - lo).max(hi * 1e-9);
    let n = points.len().max(2) as f64;
    let x = |t: usize| m + (t as f64 - 1.0) / (n - 1.0) * (w - 2.0 * m);
    let y = |v: f64| m + (hi - v) / span * (h - 2.0 * m);
    let path: Vec<String> = b
        .iter()
        .map(|&(t, v)| format!("{:.1},{:.1}", x(t), y(v)))
        .collect();
    let esc = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="{m}" y="24" font-size="14">{esc}</text>
<line x1="{m}" y1="{yb}" x2="{xr}" y2="{yb}" stroke="black"/>
<line x1="{m}" y1="{m}" x2="{m}" y2="{yb}" stroke="black"/>
<text x="{m}" y="{yl}">1</text><text x="{xr}" y="{yl}" text-anchor="end">{last} trials</text>
<text x="{xl}" y="{m}" text-anchor="end">{hi:.4} ms</text><text x="{xl}" y="{yb}" text-anchor="end">{lo:.4} ms</text>
<polyline fill="none" stroke="#c0392b" stroke-width="2" points="{pts}"/>
</svg>
"##,
        yb = h - m,
        xr = w - m,
        yl = h - m + 18.0,
        xl = m - 6.0,
        last = points.len(),
        hi = hi * 1e3,
        lo = lo * 1e3,
        pts = path.join(" "),
    ))
}
