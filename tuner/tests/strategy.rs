//! Strategies on synthetic cost landscapes with a known optimum.

use kiln_tuner::strategy::{History, Kind, Strategy};
use rand::SeedableRng;

/// A bowl with its minimum at `opt`, plus a ridge that makes one knob
/// matter only near the optimum, over 8^4 = 4096 points with 1/3 pruned.
fn cost(p: &[usize], opt: &[usize]) -> f64 {
    let d: f64 = p
        .iter()
        .zip(opt)
        .map(|(&a, &b)| (a as f64 - b as f64).powi(2))
        .sum();
    1.0 + d
        + if p[0] == opt[0] {
            0.0
        } else {
            0.5 * (p[3] as f64 - opt[3] as f64).abs()
        }
}

fn valid(p: &[usize]) -> bool {
    !(p[0] + p[1] + p[2]).is_multiple_of(3) || p[3] == 7
}

fn run(kind: Kind, budget: usize, seed: u64, opt: &[usize]) -> (f64, usize) {
    let dims = vec![8, 8, 8, 8];
    let mut s = Strategy::new(kind, dims, valid, Vec::new());
    let mut h = History::default();
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut n = 0;
    while n < budget {
        let Some(p) = s.propose(&h, &mut rng) else {
            break;
        };
        assert!(valid(&p), "strategies never propose pruned points");
        assert!(!h.seen(&p), "strategies never repeat a point");
        let c = cost(&p, opt);
        h.push(p, Some(c));
        n += 1;
    }
    (h.best().map(|b| b.1).unwrap(), n)
}

#[test]
fn exhaustive_visits_every_valid_point_once_and_finds_the_optimum() {
    let opt = [5, 2, 6, 7];
    let (best, n) = run(Kind::Exhaustive, usize::MAX, 0, &opt);
    let valid_points = (0..4096)
        .filter(|i| valid(&[i / 512, i / 64 % 8, i / 8 % 8, i % 8]))
        .count();
    assert_eq!(n, valid_points);
    assert_eq!(best, 1.0);
}

#[test]
fn evolution_finds_the_optimum_within_15_percent_of_the_space() {
    let valid_points = (0..4096)
        .filter(|i| valid(&[i / 512, i / 64 % 8, i / 8 % 8, i % 8]))
        .count();
    let budget = valid_points * 15 / 100;
    let mut found = 0;
    for (seed, opt) in [
        (1, [5, 2, 6, 7]),
        (2, [0, 7, 3, 7]),
        (3, [6, 6, 1, 7]),
        (4, [3, 4, 2, 7]),
        (5, [7, 0, 7, 7]),
    ] {
        let (best, _) = run(Kind::Evolution, budget, seed, &opt);
        if best == 1.0 {
            found += 1;
        }
        assert!(
            best <= 2.0,
            "seed {seed}: best {best}: not even one step from the optimum"
        );
    }
    assert!(
        found >= 4,
        "evolution found the exact optimum in {found} of 5 landscapes"
    );
}

#[test]
fn evolution_beats_random_on_average() {
    let budget = 120;
    let (mut evo, mut rnd) = (0.0, 0.0);
    for seed in 0..8 {
        let opt = [(seed % 8) as usize, 3, 5, 7];
        evo += run(Kind::Evolution, budget, seed, &opt).0;
        rnd += run(Kind::Random, budget, seed, &opt).0;
    }
    assert!(
        evo < rnd,
        "evolution {evo} vs random {rnd} (sum of best costs)"
    );
}
