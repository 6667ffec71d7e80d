//! Candidates whose generated code is identical are measured once: a
//! device whose code ignores the unroll factor makes schedules that differ
//! only in it duplicates (measurement still runs on the real host CPU).

use kiln_device::{Artifact, Budget, Device, DeviceError, DeviceInfo, Loaded, Stage, Stats};
use kiln_ir::Specialized;
use kiln_schedule::Schedule;
use kiln_tuner::space::Level;
use kiln_tuner::strategy::Kind;
use kiln_tuner::{TuneOptions, WorkerMode};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

struct UnrollBlind(Arc<dyn Device>);

impl Device for UnrollBlind {
    fn info(&self) -> &DeviceInfo {
        self.0.info()
    }
    fn stages(&self) -> &'static [Stage] {
        self.0.stages()
    }
    fn emit(&self, spec: &Specialized<'_>, s: &Schedule, st: &str) -> Result<Vec<u8>, DeviceError> {
        self.0.emit(spec, s, st)
    }
    fn code(&self, spec: &Specialized<'_>, s: &Schedule) -> String {
        let mut s = s.clone();
        for st in &mut s.stmts {
            st.unroll = 1;
        }
        self.0.code(spec, &s)
    }
    fn compile(
        &self,
        spec: &Specialized<'_>,
        s: &Schedule,
    ) -> Result<Box<dyn Artifact>, DeviceError> {
        self.0.compile(spec, s)
    }
    fn load(&self, a: Box<dyn Artifact>) -> Result<Box<dyn Loaded>, DeviceError> {
        self.0.load(a)
    }
    fn empty_launch(&self, like: &Schedule, b: &Budget) -> Result<Stats, DeviceError> {
        self.0.empty_launch(like, b)
    }
}

#[test]
fn identical_code_is_measured_once() {
    let src =
        "kernel mm(a: f32[M, K], b: f32[K, N]) -> (c: f32[M, N]) { c[i, j] += a[i, k] * b[k, j]; }";
    let k = kiln_ir::check_source(src).unwrap().remove(0);
    let sizes = BTreeMap::from([("M".into(), 24), ("N".into(), 32), ("K".into(), 40)]);
    let spec = Specialized::from_sizes(&k, &sizes).unwrap();
    let cpu = kiln_registry::open("cpu", &Default::default()).unwrap();
    let dev: Arc<dyn Device> = Arc::new(UnrollBlind(cpu));
    let dir = tempfile::tempdir().unwrap();
    let cache = kiln_cache::Cache::open(dir.path()).unwrap();
    let opts = TuneOptions {
        strategy: Kind::Exhaustive,
        trials: Some(40),
        level: Level::Small,
        time_per_trial_ms: 5,
        rerank: 1,
        worker: WorkerMode::InProcess,
        ..TuneOptions::default()
    };
    let r = kiln_tuner::tune(src, &spec, &dev, &cache, &opts).unwrap();
    assert!(r.duplicates > 0, "{r:?}");
    // What was measured has pairwise distinct code.
    let trials = cache.trials(&r.key_id).unwrap();
    assert_eq!(trials.len(), r.trials_run);
    let mut codes = HashSet::new();
    for t in &trials {
        assert!(codes.insert(t.code_hash.clone().unwrap()), "{t:?}");
    }
}
