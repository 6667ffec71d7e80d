//! Search strategies over the points of a [`crate::space::Space`].
//!
//! All strategies see the same history (every measured point with its cost,
//! or `None` for a failure) and propose one unmeasured point at a time, so a
//! run can stop anywhere and resume from the stored trials.
//!
//! The guided strategy is evolutionary (as in Ansor and tinygrad's BEAM
//! search, without a learned model): schedule knobs are few, ordered and
//! locally smooth (one more vector, a tile twice as wide), so children made
//! by crossing two good parents and nudging one or two knobs to a
//! neighbouring value find the good region quickly, and half of the
//! proposals refine the best point so far by one knob one step; a share of
//! random points keeps it from settling early. Known good schedules (the default, stale
//! winners of other devices or versions) seed the first generation.

use rand::seq::SliceRandom;
use rand::Rng;
use std::collections::HashSet;

/// Measured points: cost (lower is better) or `None` for a failure.
#[derive(Clone, Debug, Default)]
pub struct History {
    /// In measurement order.
    pub points: Vec<(Vec<usize>, Option<f64>)>,
    seen: HashSet<Vec<usize>>,
}

impl History {
    /// Records a result.
    pub fn push(&mut self, p: Vec<usize>, cost: Option<f64>) {
        self.seen.insert(p.clone());
        self.points.push((p, cost));
    }

    /// Marks `p` as taken before its result is known (a candidate proposed
    /// ahead, compiling while another is measured).
    pub fn reserve(&mut self, p: &[usize]) {
        self.seen.insert(p.to_vec());
    }

    /// True once `p` was measured, deduplicated or reserved.
    pub fn seen(&self, p: &[usize]) -> bool {
        self.seen.contains(p)
    }

    /// Best successful point.
    pub fn best(&self) -> Option<(&[usize], f64)> {
        self.points
            .iter()
            .filter_map(|(p, c)| c.map(|c| (p.as_slice(), c)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }

    fn ranked(&self) -> Vec<(&[usize], f64)> {
        let mut v: Vec<(&[usize], f64)> = self
            .points
            .iter()
            .filter_map(|(p, c)| c.map(|c| (p.as_slice(), c)))
            .collect();
        v.sort_by(|a, b| a.1.total_cmp(&b.1));
        v
    }
}

/// Which strategy.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Every valid point in order.
    Exhaustive,
    /// Uniform random valid points.
    Random,
    /// Evolutionary search.
    Evolution,
}

impl Kind {
    /// Parses `exhaustive`, `random` or `evolution`.
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "exhaustive" => Kind::Exhaustive,
            "random" => Kind::Random,
            "evolution" | "evolutionary" | "guided" => Kind::Evolution,
            _ => return None,
        })
    }

    /// Name for reports and the cache.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Exhaustive => "exhaustive",
            Kind::Random => "random",
            Kind::Evolution => "evolution",
        }
    }
}

/// Prunes points (true: the point decodes to a legal, useful schedule).
type Validity<'a> = Box<dyn Fn(&[usize]) -> bool + 'a>;

/// A strategy over points of the given dimensions; `valid` prunes.
pub struct Strategy<'a> {
    kind: Kind,
    dims: Vec<usize>,
    valid: Validity<'a>,
    seeds: Vec<Vec<usize>>,
    next_exhaustive: u128,
    population: usize,
}

impl<'a> Strategy<'a> {
    /// A strategy; `seeds` are tried first (evolution only).
    pub fn new(
        kind: Kind,
        dims: Vec<usize>,
        valid: impl Fn(&[usize]) -> bool + 'a,
        seeds: Vec<Vec<usize>>,
    ) -> Self {
        Strategy {
            kind,
            dims,
            valid: Box::new(valid),
            seeds,
            next_exhaustive: 0,
            population: 12,
        }
    }

    fn total(&self) -> u128 {
        self.dims.iter().map(|&d| d as u128).product()
    }

    fn nth(&self, mut n: u128) -> Vec<usize> {
        let mut p = vec![0; self.dims.len()];
        for (i, &d) in self.dims.iter().enumerate().rev() {
            p[i] = (n % d as u128) as usize;
            n /= d as u128;
        }
        p
    }

    fn random_valid(&self, h: &History, rng: &mut impl Rng) -> Option<Vec<usize>> {
        for _ in 0..20_000 {
            let p: Vec<usize> = self.dims.iter().map(|&d| rng.gen_range(0..d)).collect();
            if !h.seen(&p) && (self.valid)(&p) {
                return Some(p);
            }
        }
        // Dense fallback for nearly exhausted spaces.
        (0..self.total())
            .map(|n| self.nth(n))
            .find(|p| !h.seen(p) && (self.valid)(p))
    }

    /// The next point to measure, or `None` when the space is exhausted.
    pub fn propose(&mut self, h: &History, rng: &mut impl Rng) -> Option<Vec<usize>> {
        match self.kind {
            Kind::Exhaustive => {
                while self.next_exhaustive < self.total() {
                    let p = self.nth(self.next_exhaustive);
                    self.next_exhaustive += 1;
                    if !h.seen(&p) && (self.valid)(&p) {
                        return Some(p);
                    }
                }
                None
            }
            Kind::Random => self.random_valid(h, rng),
            Kind::Evolution => {
                while let Some(s) = self.seeds.pop() {
                    if !h.seen(&s) && (self.valid)(&s) {
                        return Some(s);
                    }
                }
                let ranked = h.ranked();
                if ranked.len() < self.population / 2 || rng.gen_bool(0.15) {
                    return self.random_valid(h, rng);
                }
                let elite: Vec<&[usize]> = ranked
                    .iter()
                    .take(self.population)
                    .map(|(p, _)| *p)
                    .collect();
                for _ in 0..200 {
                    let a = elite[rng
                        .gen_range(0..elite.len())
                        .min(rng.gen_range(0..elite.len()))];
                    let b = elite[rng.gen_range(0..elite.len())];
                    let mut child: Vec<usize> = a
                        .iter()
                        .zip(b)
                        .map(|(&x, &y)| if rng.gen_bool(0.5) { x } else { y })
                        .collect();
                    let mut order: Vec<usize> = (0..child.len()).collect();
                    order.shuffle(rng);
                    let nudges = rng.gen_range(1..=2).min(order.len());
                    for &i in &order[..nudges] {
                        let d = self.dims[i];
                        child[i] = if rng.gen_bool(0.2) {
                            rng.gen_range(0..d)
                        } else if rng.gen_bool(0.5) {
                            (child[i] + 1).min(d - 1)
                        } else {
                            child[i].saturating_sub(1)
                        };
                    }
                    if !h.seen(&child) && (self.valid)(&child) {
                        return Some(child);
                    }
                }
                self.random_valid(h, rng)
            }
        }
    }
}
