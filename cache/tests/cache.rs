//! Cache behaviour: key soundness, concurrent writers in separate
//! processes, corruption recovery, import validation, export round trip.

use kiln_cache::*;
use std::collections::BTreeMap;
use std::process::Command;

fn key(device: &str) -> Key {
    Key {
        kernel_hash: "a".repeat(64),
        kernel: "matmul".into(),
        sizes: BTreeMap::from([("M".into(), 1024), ("N".into(), 1000), ("K".into(), 64)]),
        dtypes: "f32,f32->f32".into(),
        device: device.into(),
        compiler: "kiln 0.1.0 llvm 22".into(),
        space: "s1".into(),
    }
}

fn winner(k: &Key, t: f64) -> Winner {
    Winner {
        key: k.clone(),
        schedule: serde_json::json!({"threads": 2, "stmts": []}),
        median_s: t,
        default_median_s: Some(2.0 * t),
        strategy: "evolution".into(),
        trials: 10,
        budget: "trials=10".into(),
        created_at: 0,
    }
}

fn trial(id: &str, i: usize) -> Trial {
    Trial {
        key_id: id.into(),
        schedule: serde_json::json!({"n": i}),
        status: Status::Ok,
        error: None,
        median_s: Some(1e-3 * (i + 1) as f64),
        p20_s: None,
        p80_s: None,
        cv: None,
        reps: Some(5),
        code_hash: None,
        strategy: "random".into(),
        created_at: 0,
    }
}

#[test]
fn winners_are_served_for_the_exact_key_only() {
    let dir = tempfile::tempdir().unwrap();
    let c = Cache::open(dir.path()).unwrap();
    let k = key("dev-a");
    c.set_winner(&winner(&k, 1e-3)).unwrap();
    assert_eq!(c.winner(&k).unwrap().unwrap().median_s, 1e-3);
    // Every field of the key matters.
    let mut variants = vec![key("dev-b")];
    let mut v = k.clone();
    v.kernel_hash = "b".repeat(64);
    variants.push(v);
    let mut v = k.clone();
    v.sizes.insert("K".into(), 65);
    variants.push(v);
    let mut v = k.clone();
    v.compiler = "kiln 0.2.0 llvm 22".into();
    variants.push(v);
    let mut v = k.clone();
    v.space = "s2".into();
    variants.push(v);
    let mut v = k.clone();
    v.dtypes = "f64,f64->f64".into();
    variants.push(v);
    for v in &variants {
        assert!(c.winner(v).unwrap().is_none(), "{v:?} must miss");
    }
    // Same problem, other device: the old winner is a seed, not a winner.
    let seeds = c.seeds(&key("dev-b")).unwrap();
    assert_eq!(seeds.len(), 1);
    assert_eq!(seeds[0].key.device, "dev-a");
    // A near shape in the same power-of-two bucket is a neighbour.
    let mut near = k.clone();
    near.sizes.insert("N".into(), 1010);
    assert_eq!(c.neighbours(&near).unwrap().len(), 1);
}

#[test]
fn concurrent_writer_processes_lose_nothing() {
    if let Ok(dir) = std::env::var("KILN_CACHE_WRITER_DIR") {
        // Child: write 50 trials, one transaction each.
        let c = Cache::open(std::path::Path::new(&dir)).unwrap();
        let who = std::env::var("KILN_CACHE_WRITER_ID").unwrap();
        for i in 0..50 {
            c.add_trial(&trial(&format!("key-{who}"), i)).unwrap();
            c.add_trial(&trial("shared", i)).unwrap();
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    Cache::open(dir.path()).unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..6)
        .map(|i| {
            Command::new(&exe)
                .args(["concurrent_writer_processes_lose_nothing", "--exact"])
                .stdout(std::process::Stdio::null())
                .env("KILN_CACHE_WRITER_DIR", dir.path())
                .env("KILN_CACHE_WRITER_ID", i.to_string())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut ch in children {
        assert!(ch.wait().unwrap().success());
    }
    let c = Cache::open(dir.path()).unwrap();
    for i in 0..6 {
        assert_eq!(c.trials(&format!("key-{i}")).unwrap().len(), 50);
    }
    assert_eq!(c.trials("shared").unwrap().len(), 300);
    assert!(c.verify().unwrap().is_empty());
}

#[test]
fn corrupt_or_truncated_files_are_moved_aside_and_rebuilt() {
    for damage in ["garbage", "truncate"] {
        let dir = tempfile::tempdir().unwrap();
        {
            let c = Cache::open(dir.path()).unwrap();
            for i in 0..200 {
                c.add_trial(&trial("k", i)).unwrap();
            }
            c.set_winner(&winner(&key("d"), 1e-3)).unwrap();
            c.conn_checkpoint_for_tests();
        }
        let db = dir.path().join("kiln.db");
        let bytes = std::fs::read(&db).unwrap();
        match damage {
            "garbage" => std::fs::write(&db, b"this is not a database at all, just text....................................................................").unwrap(),
            _ => std::fs::write(&db, &bytes[..bytes.len() / 3]).unwrap(),
        }
        let _ = std::fs::remove_file(dir.path().join("kiln.db-wal"));
        let c = Cache::open(dir.path()).unwrap();
        assert!(
            c.warnings.iter().any(|w| w.contains("corrupt")),
            "{damage}: {:?}",
            c.warnings
        );
        assert!(
            c.winner(&key("d")).unwrap().is_none(),
            "{damage}: no winner is served from a damaged file"
        );
        let aside = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains("corrupt")
            })
            .count();
        assert_eq!(
            aside, 1,
            "{damage}: the damaged file is kept for inspection"
        );
        c.add_trial(&trial("k", 0)).unwrap();
        assert_eq!(c.trials("k").unwrap().len(), 1);
    }
}

#[test]
fn malformed_imports_write_nothing_and_exports_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let c = Cache::open(dir.path()).unwrap();
    let k = key("d");
    c.set_winner(&winner(&k, 2e-3)).unwrap();
    c.add_trial(&trial(&k.id(), 1)).unwrap();
    let export = serde_json::to_string(&c.export().unwrap()).unwrap();

    let other = tempfile::tempdir().unwrap();
    let c2 = Cache::open(other.path()).unwrap();
    let bad_inputs = [
        "not json".to_string(),
        "{\"version\": 1}".to_string(),
        export.replace("\"median_s\":0.002", "\"median_s\":-1.0"),
        export.replace(&"a".repeat(64), "zz"),
        export.replace("\"version\":1", "\"version\":99"),
    ];
    for bad in &bad_inputs {
        assert!(
            matches!(c2.import_json(bad), Err(CacheError::Import(_))),
            "{bad}"
        );
        assert!(c2.all_winners().unwrap().is_empty());
        assert!(c2.trials(&k.id()).unwrap().is_empty());
    }
    assert_eq!(c2.import_json(&export).unwrap(), (1, 1));
    assert_eq!(c2.winner(&k).unwrap().unwrap().median_s, 2e-3);
    assert_eq!(c2.trials(&k.id()).unwrap().len(), 1);
}

#[test]
fn schema_version_is_recorded_and_newer_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let c = Cache::open(dir.path()).unwrap();
    assert_eq!(c.schema_version().unwrap(), SCHEMA_VERSION);
    c.set_winner(&winner(&key("d"), 1e-3)).unwrap();
    drop(c);
    let raw = rusqlite::Connection::open(dir.path().join("kiln.db")).unwrap();
    raw.pragma_update(None, "user_version", 99).unwrap();
    drop(raw);
    let err = Cache::open(dir.path())
        .err()
        .expect("a newer schema is refused, not overwritten");
    assert!(err.to_string().contains("newer"), "{err}");
    // The file is untouched: an older kiln does not destroy a newer cache.
    let raw = rusqlite::Connection::open(dir.path().join("kiln.db")).unwrap();
    let n: i64 = raw
        .query_row("SELECT COUNT(*) FROM winners", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}
