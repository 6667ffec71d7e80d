//! Cache behaviour: key soundness, concurrent writers in separate
//! processes, the fastest winner surviving concurrent offers, corruption
//! recovery (also by concurrent openers), import validation, exports that
//! never drop rows, export round trip.

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
        schedule: serde_json::json!({"threads": i + 1, "stmts": []}),
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

/// A statement schedule with every field.
fn stmt() -> serde_json::Value {
    serde_json::json!({
        "tile": [4, 4], "vector": "parallel", "vector_width": 4, "rows": 2,
        "vectors": 1, "reduction_tile": 0, "unroll": 1, "fuse": false, "pack": false
    })
}

fn count_corrupt(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("kiln.db.corrupt-")
        })
        .count()
}

#[test]
fn concurrent_offers_keep_the_fastest_winner() {
    let dir = tempfile::tempdir().unwrap();
    Cache::open(dir.path()).unwrap();
    let k = key("d");
    // Thread 0 offers the fastest first; everything offered after it is
    // slower, so a last-writer-wins cache would end with a slower one.
    let barrier = std::sync::Barrier::new(4);
    let stored: Vec<Vec<bool>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|t| {
                let (k, barrier, dir) = (&k, &barrier, dir.path());
                s.spawn(move || {
                    let c = Cache::open(dir).unwrap();
                    barrier.wait();
                    (0..25)
                        .map(|i| {
                            let mut w = winner(k, 1e-4 * (1 + (i * 7 + t * 3) % 50) as f64);
                            if (t, i) == (0, 0) {
                                w.median_s = 1e-5;
                            }
                            w.strategy = format!("t{t}-{i}");
                            c.offer_winner(&w).unwrap()
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(stored[0][0], "the first offer of a key is stored");
    assert!(
        stored.iter().flatten().any(|s| !s),
        "slower offers are refused"
    );
    for c in [
        Cache::open(dir.path()).unwrap(),
        Cache::open(dir.path()).unwrap(),
    ] {
        let w = c.winner(&k).unwrap().unwrap();
        assert_eq!((w.median_s, w.strategy.as_str()), (1e-5, "t0-0"));
    }
    // Equal is not faster.
    let c = Cache::open(dir.path()).unwrap();
    assert!(!c.offer_winner(&winner(&k, 1e-5)).unwrap());
    assert!(c.offer_winner(&winner(&k, 5e-6)).unwrap());
    assert_eq!(c.winner(&k).unwrap().unwrap().median_s, 5e-6);
}

#[test]
fn imports_never_replace_a_faster_local_winner() {
    let src = tempfile::tempdir().unwrap();
    let c = Cache::open(src.path()).unwrap();
    let k = key("d");
    c.set_winner(&winner(&k, 2e-3)).unwrap();
    c.add_trial(&trial(&k.id(), 1)).unwrap();
    let slower = serde_json::to_string(&c.export().unwrap()).unwrap();
    c.set_winner(&winner(&k, 5e-4)).unwrap();
    let faster = serde_json::to_string(&c.export().unwrap()).unwrap();

    let dst = tempfile::tempdir().unwrap();
    let c = Cache::open(dst.path()).unwrap();
    c.set_winner(&winner(&k, 1e-3)).unwrap();
    assert_eq!(c.import_json(&slower).unwrap(), (0, 1));
    assert_eq!(c.winner(&k).unwrap().unwrap().median_s, 1e-3);
    assert_eq!(c.import_json(&faster).unwrap(), (1, 1));
    assert_eq!(c.winner(&k).unwrap().unwrap().median_s, 5e-4);
    assert_eq!(c.trials(&k.id()).unwrap().len(), 2);
}

#[test]
fn concurrent_opens_of_a_corrupt_cache_move_it_aside_once() {
    for round in 0..4 {
        let dir = tempfile::tempdir().unwrap();
        {
            let c = Cache::open(dir.path()).unwrap();
            for i in 0..50 {
                c.add_trial(&trial("k", i)).unwrap();
            }
            c.set_winner(&winner(&key("d"), 1e-3)).unwrap();
            c.conn_checkpoint_for_tests();
        }
        std::fs::write(dir.path().join("kiln.db"), [b'x'; 4096]).unwrap();
        let _ = std::fs::remove_file(dir.path().join("kiln.db-wal"));
        let barrier = std::sync::Barrier::new(8);
        let warned: Vec<bool> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    let (barrier, dir) = (&barrier, dir.path());
                    s.spawn(move || {
                        barrier.wait();
                        let c = Cache::open(dir).unwrap_or_else(|e| panic!("round {round}: {e}"));
                        c.add_trial(&trial("after", 0)).unwrap();
                        c.warnings.iter().any(|w| w.contains("corrupt"))
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(count_corrupt(dir.path()), 1, "round {round}");
        assert_eq!(
            warned.iter().filter(|w| **w).count(),
            1,
            "round {round}: one opener moved it"
        );
        let c = Cache::open(dir.path()).unwrap();
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        assert_eq!(
            c.trials("after").unwrap().len(),
            8,
            "round {round}: every opener wrote to the new file"
        );
        assert!(c.winner(&key("d")).unwrap().is_none());
        assert!(c.verify().unwrap().is_empty());
    }
}

#[test]
fn exports_refuse_rows_that_do_not_decode_and_verify_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let c = Cache::open(dir.path()).unwrap();
    let k = key("d");
    c.set_winner(&winner(&k, 1e-3)).unwrap();
    for i in 0..3 {
        c.add_trial(&trial(&k.id(), i)).unwrap();
    }
    c.export().unwrap();
    c.execute_sql_for_tests(&format!(
        "UPDATE trials SET schedule = 'not json' WHERE id = 2;
         UPDATE trials SET status = 'exploded' WHERE id = 3;
         UPDATE winners SET schedule = '{{\"threads\": 1, \"stmts\": [], \"tiles\": 1}}' WHERE key_id = '{}';",
        k.id()
    ))
    .unwrap();
    // The tuner still sees the good rows.
    assert_eq!(c.trials(&k.id()).unwrap().len(), 1);
    let err = c.export().expect_err("an export never drops rows silently");
    let text = err.to_string();
    assert!(
        matches!(err, CacheError::Undecodable { ref rows, .. } if rows.len() == 3),
        "{text}"
    );
    for needle in [
        format!("trial 2 (key {})", k.id()),
        format!("trial 3 (key {})", k.id()),
        format!("winner of key {}", k.id()),
        "`tiles`".to_string(),
        "kiln cache verify".to_string(),
    ] {
        assert!(text.contains(&needle), "{needle} in {text}");
    }
    let problems = c.verify().unwrap();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems.iter().any(|p| p.starts_with("trial 2 ")),
        "{problems:?}"
    );
    // Removing the key makes the cache healthy and exportable again.
    c.remove(&k.id()).unwrap();
    assert!(c.verify().unwrap().is_empty());
    assert_eq!(c.export().unwrap().trials.len(), 0);
}

#[test]
fn imports_name_the_record_and_field_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let c = Cache::open(dir.path()).unwrap();
    let k = key("d");
    let mut w = winner(&k, 1e-3);
    w.schedule = serde_json::json!({"threads": 2, "stmts": [stmt()]});
    c.set_winner(&w).unwrap();
    c.set_winner(&winner(&key("e"), 1e-3)).unwrap();
    c.add_trial(&trial(&k.id(), 1)).unwrap();
    let good = serde_json::to_value(c.export().unwrap()).unwrap();

    let other = tempfile::tempdir().unwrap();
    let c2 = Cache::open(other.path()).unwrap();
    type Edit = fn(&mut serde_json::Value);
    let cases: [(Edit, &str); 9] = [
        (
            |v| v["winners"][1]["schedule"]["stmts"] = serde_json::json!([{"tiles": [1]}]),
            "winners[1].schedule.stmts[0].tiles: unknown field `tiles`",
        ),
        (
            |v| v["winners"][0]["schedule"]["tiles"] = serde_json::json!(1),
            "winners[0].schedule.tiles: unknown field `tiles`",
        ),
        (
            |v| v["winners"][0]["schedule"]["stmts"][0]["rows"] = serde_json::json!("2"),
            "winners[0].schedule.stmts[0].rows: invalid type",
        ),
        (
            |v| v["winners"][0]["schedule"] = serde_json::json!({"n": 1}),
            "winners[0].schedule.n: unknown field `n`",
        ),
        (
            |v| v["winners"][1]["key"]["gpu"] = serde_json::json!("x"),
            "winners[1].key.gpu: unknown field `gpu`",
        ),
        (
            |v| v["winners"][0]["speedup"] = serde_json::json!(2.0),
            "winners[0].speedup: unknown field `speedup`",
        ),
        (
            |v| v["trials"][0]["schedule"] = serde_json::json!([1, 2]),
            "trials[0].schedule",
        ),
        (
            |v| v["trials"][0]["status"] = serde_json::json!("great"),
            "trials[0].status: unknown variant `great`",
        ),
        (
            |v| v["comment"] = serde_json::json!("hi"),
            "comment: unknown field `comment`",
        ),
    ];
    for (edit, expect) in cases {
        let mut v = good.clone();
        edit(&mut v);
        let err = c2.import_json(&v.to_string()).expect_err(expect);
        assert!(matches!(err, CacheError::Import(_)), "{err}");
        assert!(err.to_string().contains(expect), "{expect} in {err}");
        assert!(c2.all_winners().unwrap().is_empty());
        assert!(c2.trials(&k.id()).unwrap().is_empty());
    }
    assert_eq!(c2.import_json(&good.to_string()).unwrap(), (2, 1));
    assert_eq!(c2.winner(&k).unwrap().unwrap().schedule, w.schedule);
}

#[test]
fn racing_first_opens_and_readers_of_a_new_cache_never_see_it_locked() {
    // Creating the database (schema, switch to WAL) races with other
    // processes that open it to read; none may fail with "locked".
    for round in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let dir = dir.path().to_path_buf();
                std::thread::spawn(move || -> Result<(), String> {
                    let c = Cache::open(&dir).map_err(|e| format!("open {i}: {e}"))?;
                    if i % 2 == 0 {
                        c.add_trial(&trial("k", i)).map_err(|e| e.to_string())?;
                    } else {
                        c.export().map_err(|e| format!("export {i}: {e}"))?;
                    }
                    Ok(())
                })
            })
            .collect();
        for h in handles {
            if let Err(e) = h.join().unwrap() {
                panic!("round {round}: {e}");
            }
        }
        assert_eq!(
            Cache::open(dir.path()).unwrap().trials("k").unwrap().len(),
            4
        );
    }
}
