//! The tuning cache: every measured trial and the winner per key, in an
//! embedded SQLite database (`kiln.db`, WAL mode) inside the cache
//! directory.
//!
//! Keys ([`Key`]) combine the kernel's content hash, the concrete sizes and
//! dtypes, the device fingerprint, the compiler version and a checksum of
//! the search space; a winner is served only for an exact key, so it is
//! never reused on another device, driver or compiler version. Winners for
//! the same kernel and sizes under other keys are kept as stale and offered
//! as starting points ([`Cache::seeds`]); a coarser shape bucket (sizes
//! rounded up to powers of two) finds tuned neighbours.
//!
//! Robustness: many processes may read and write at once (WAL, a busy
//! timeout, one short transaction per write). A winner is only ever
//! replaced by a faster one ([`Cache::offer_winner`]), never by the last
//! writer. A file that is not a valid database, or fails SQLite's quick
//! check, is moved aside with a warning and rebuilt, under an exclusive
//! lock on `kiln.db.lock` so that concurrent openers never move each
//! other's files; it never crashes kiln and never serves a winner. Rows
//! that do not decode are skipped when serving, reported by
//! [`Cache::verify`] and refused by [`Cache::export`]. The schema carries a
//! version (`PRAGMA user_version`) with migrations.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Current schema version.
pub const SCHEMA_VERSION: i64 = 1;

/// How long a busy database is waited for before an error.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Errors of the cache.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// SQLite failed.
    #[error("cache database {path}: {source}")]
    Db {
        /// Database file.
        path: PathBuf,
        /// Cause.
        source: rusqlite::Error,
    },
    /// The cache directory could not be used.
    #[error("cache directory {path}: {source}")]
    Io {
        /// Directory.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// An import file is malformed; nothing was written.
    #[error("import rejected, nothing written: {0}")]
    Import(String),
    /// Stored rows that do not decode: an export refuses to drop them
    /// silently.
    #[error(
        "cache database {path}: {} stored row(s) do not decode: {}; run `kiln cache verify`, then `kiln cache rm` the keys named (or restore a backup) and export again",
        rows.len(),
        rows.join("; ")
    )]
    Undecodable {
        /// Database file.
        path: PathBuf,
        /// Each bad row, named by trial id and key id.
        rows: Vec<String>,
    },
    /// A key that does not exist.
    #[error("no cache entry matches `{0}`")]
    NotFound(String),
}

/// What a winner or trial is for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Key {
    /// Content hash of the kernel's canonical IR.
    pub kernel_hash: String,
    /// Kernel name (informational; the hash decides).
    pub kernel: String,
    /// Size symbol values.
    pub sizes: BTreeMap<String, i64>,
    /// Input and output dtypes in declaration order, e.g. `f32,f32->f32`.
    pub dtypes: String,
    /// Device fingerprint (model, features, driver, versions).
    pub device: String,
    /// kiln and code generator version.
    pub compiler: String,
    /// Checksum of the search space the winner was chosen from.
    pub space: String,
}

impl Key {
    /// The exact key as a short stable id (hex blake3 of every field).
    pub fn id(&self) -> String {
        let text = serde_json::to_string(self).expect("keys serialize");
        blake3::hash(text.as_bytes()).to_hex()[..24].to_string()
    }

    /// Kernel and concrete shape, without device or versions (stale lookup).
    pub fn problem(&self) -> String {
        let sizes: Vec<String> = self.sizes.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{}|{}|{}", self.kernel_hash, sizes.join(","), self.dtypes)
    }

    /// Coarse bucket: sizes rounded up to powers of two, same device.
    pub fn bucket(&self) -> String {
        let sizes: Vec<String> = self
            .sizes
            .iter()
            .map(|(k, v)| format!("{k}~{}", (*v).max(1).next_power_of_two_i64()))
            .collect();
        format!(
            "{}|{}|{}|{}",
            self.kernel_hash,
            sizes.join(","),
            self.dtypes,
            self.device
        )
    }
}

trait NextPow2 {
    fn next_power_of_two_i64(self) -> i64;
}

impl NextPow2 for i64 {
    fn next_power_of_two_i64(self) -> i64 {
        (self.max(1) as u64).next_power_of_two() as i64
    }
}

/// Outcome of one trial.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Measured and verified.
    Ok,
    /// Output differs from the reference (or left parts unwritten).
    Wrong,
    /// Did not compile.
    CompileError,
    /// The worker process died.
    Crash,
    /// Exceeded its time limit.
    Timeout,
    /// Stopped early: clearly slower than the best so far.
    Abandoned,
    /// Compiled, not measured: its resources (spills, occupancy) rule it
    /// out before any device time is spent.
    Pruned,
}

impl Status {
    /// The stored spelling (`ok`, `compile_error`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Wrong => "wrong",
            Status::CompileError => "compile_error",
            Status::Crash => "crash",
            Status::Timeout => "timeout",
            Status::Abandoned => "abandoned",
            Status::Pruned => "pruned",
        }
    }

    fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "ok" => Status::Ok,
            "wrong" => Status::Wrong,
            "compile_error" => Status::CompileError,
            "crash" => Status::Crash,
            "timeout" => Status::Timeout,
            "abandoned" => Status::Abandoned,
            "pruned" => Status::Pruned,
            _ => return None,
        })
    }
}

/// One measured (or failed) candidate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trial {
    /// Exact key id it belongs to.
    pub key_id: String,
    /// The schedule, as JSON.
    pub schedule: serde_json::Value,
    /// Outcome.
    pub status: Status,
    /// Error text for failures.
    #[serde(default)]
    pub error: Option<String>,
    /// Median seconds (ok and abandoned trials).
    #[serde(default)]
    pub median_s: Option<f64>,
    /// 20th percentile seconds.
    #[serde(default)]
    pub p20_s: Option<f64>,
    /// 80th percentile seconds.
    #[serde(default)]
    pub p80_s: Option<f64>,
    /// Coefficient of variation.
    #[serde(default)]
    pub cv: Option<f64>,
    /// Timed repetitions.
    #[serde(default)]
    pub reps: Option<i64>,
    /// Hash of the generated code (identical code is measured once).
    #[serde(default)]
    pub code_hash: Option<String>,
    /// Strategy that proposed it.
    #[serde(default)]
    pub strategy: String,
    /// Unix seconds.
    #[serde(default)]
    pub created_at: i64,
}

/// The best verified schedule for a key, with provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Winner {
    /// The key.
    pub key: Key,
    /// The schedule, as JSON.
    pub schedule: serde_json::Value,
    /// Its median seconds.
    pub median_s: f64,
    /// The default schedule's median seconds in the same run.
    pub default_median_s: Option<f64>,
    /// Strategy used.
    pub strategy: String,
    /// Trials measured for this key.
    pub trials: i64,
    /// Budget description, e.g. `trials=64 time=90s`.
    pub budget: String,
    /// Unix seconds.
    pub created_at: i64,
}

/// A winner kept for the same problem under another key (device, compiler
/// or search space changed): never served, offered as a starting point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Seed {
    /// Its key.
    pub key: Key,
    /// Its schedule.
    pub schedule: serde_json::Value,
}

/// Everything exported: winners and trials.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// Format version.
    pub version: i64,
    /// Winners.
    pub winners: Vec<Winner>,
    /// Trials.
    pub trials: Vec<Trial>,
    /// The keys that trials belong to (absent in older exports), so an
    /// importing cache can list them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<Key>,
}

/// An open cache.
pub struct Cache {
    conn: Connection,
    path: PathBuf,
    /// Warnings raised while opening (e.g. a corrupt file moved aside).
    pub warnings: Vec<String>,
}

/// The cache directory: `--cache DIR` if given, else `$KILN_CACHE`, else the
/// per-user cache directory (`$XDG_CACHE_HOME/kiln`, `~/.cache/kiln`).
pub fn default_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os("KILN_CACHE").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("kiln")
}

/// Unix seconds now (trial and winner time stamps).
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Name of the lock file beside the database: shared while opening,
/// exclusive while a corrupt database is moved aside and rebuilt.
pub const LOCK_FILE: &str = "kiln.db.lock";

/// Locks `LOCK_FILE` in `dir` (shared or exclusive) until the file is
/// dropped. `None` where the file system has no locks, or (for a shared
/// lock) the lock file cannot be created, e.g. in a read-only directory.
fn lock_dir(dir: &Path, exclusive: bool) -> Result<Option<File>, CacheError> {
    let path = dir.join(LOCK_FILE);
    let io = |source| CacheError::Io {
        path: path.clone(),
        source,
    };
    let file = match std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
    {
        Ok(f) => f,
        Err(_) if !exclusive => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let locked = if exclusive {
        file.lock()
    } else {
        file.lock_shared()
    };
    match locked {
        Ok(()) => Ok(Some(file)),
        Err(e) if e.kind() == std::io::ErrorKind::Unsupported => Ok(None),
        Err(e) => Err(io(e)),
    }
}

impl Cache {
    /// Opens (creating if needed) the cache in `dir`. A corrupt or foreign
    /// database file is moved aside (`kiln.db.corrupt-<time>`) and rebuilt,
    /// holding an exclusive lock on [`LOCK_FILE`]; every open holds it
    /// shared, so no process opens a file while another moves it. After
    /// taking the lock the check is repeated: when another process has
    /// already rebuilt the database, it is used as it is.
    pub fn open(dir: &Path) -> Result<Cache, CacheError> {
        std::fs::create_dir_all(dir).map_err(|source| CacheError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join("kiln.db");
        let first = {
            let _shared = lock_dir(dir, false)?;
            Self::try_open_patiently(&path)
        };
        match first {
            Ok(c) => Ok(c),
            Err(e) if is_corruption(&e) => Self::recover(dir, &path),
            Err(source) => Err(CacheError::Db { path, source }),
        }
    }

    /// Moves a corrupt database aside and starts a new one, under the
    /// exclusive lock, unless another process did so first.
    fn recover(dir: &Path, path: &Path) -> Result<Cache, CacheError> {
        let _exclusive = lock_dir(dir, true)?;
        let e = match Self::try_open_patiently(path) {
            Ok(c) => return Ok(c),
            Err(e) if is_corruption(&e) => e,
            Err(source) => {
                return Err(CacheError::Db {
                    path: path.to_path_buf(),
                    source,
                })
            }
        };
        let stamp = now();
        let aside = (0..)
            .map(|n| match n {
                0 => dir.join(format!("kiln.db.corrupt-{stamp}")),
                n => dir.join(format!("kiln.db.corrupt-{stamp}-{n}")),
            })
            .find(|p| !p.exists())
            .expect("some name is free");
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(dir.join(format!("kiln.db{suffix}")));
        }
        std::fs::rename(path, &aside).map_err(|source| CacheError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut c = Self::try_open_patiently(path).map_err(|source| CacheError::Db {
            path: path.to_path_buf(),
            source,
        })?;
        c.warnings.push(format!(
            "warning: the tuning cache {} was corrupt ({e}); moved it to {} and started a new one",
            path.display(),
            aside.display()
        ));
        Ok(c)
    }

    /// [`Cache::try_open`], retried while the file is busy. SQLite skips
    /// the busy handler in some steps of opening (the switch to WAL, the
    /// WAL's recovery while another connection creates the file), so a
    /// process that opens a new cache while another creates it can be told
    /// "locked" at once; it waits here instead, as long as a busy write.
    fn try_open_patiently(path: &Path) -> Result<Cache, rusqlite::Error> {
        let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
        let mut pause = Duration::from_millis(1);
        loop {
            match Self::try_open(path) {
                Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                r => return r,
            }
        }
    }

    fn try_open(path: &Path) -> Result<Cache, rusqlite::Error> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(check),
            ));
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        migrate(&conn)?;
        Ok(Cache {
            conn,
            path: path.to_path_buf(),
            warnings: Vec::new(),
        })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, CacheError> {
        self.db(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)))
    }

    /// Folds the WAL into the main file (tests that damage the file on disk).
    #[doc(hidden)]
    pub fn conn_checkpoint_for_tests(&self) {
        let _ = self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// Runs raw SQL (tests that store rows kiln would never write).
    #[doc(hidden)]
    pub fn execute_sql_for_tests(&self, sql: &str) -> Result<(), CacheError> {
        self.db(self.conn.execute_batch(sql))
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn db<T>(&self, r: rusqlite::Result<T>) -> Result<T, CacheError> {
        r.map_err(|source| CacheError::Db {
            path: self.path.clone(),
            source,
        })
    }

    /// Records a trial (its own transaction: nothing measured is lost).
    pub fn add_trial(&self, t: &Trial) -> Result<(), CacheError> {
        let r = self.conn.execute(
            "INSERT INTO trials (key_id, schedule, status, error, median_s, p20_s, p80_s, cv, reps, code_hash, strategy, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                t.key_id,
                t.schedule.to_string(),
                t.status.as_str(),
                t.error,
                t.median_s,
                t.p20_s,
                t.p80_s,
                t.cv,
                t.reps,
                t.code_hash,
                t.strategy,
                if t.created_at == 0 { now() } else { t.created_at },
            ],
        );
        self.db(r).map(|_| ())
    }

    /// Registers a key (so trials and winners can be listed by key).
    pub fn add_key(&self, key: &Key) -> Result<(), CacheError> {
        let r = self.conn.execute(
            "INSERT OR IGNORE INTO keys (key_id, key, problem, bucket) VALUES (?1, ?2, ?3, ?4)",
            params![
                key.id(),
                serde_json::to_string(key).expect("keys serialize"),
                key.problem(),
                key.bucket()
            ],
        );
        self.db(r).map(|_| ())
    }

    /// Trials of a key, oldest first. Rows that do not decode are skipped
    /// ([`Cache::verify`] reports them, [`Cache::export`] refuses them).
    pub fn trials(&self, key_id: &str) -> Result<Vec<Trial>, CacheError> {
        let mut st = self.db(self.conn.prepare(
            "SELECT key_id, schedule, status, error, median_s, p20_s, p80_s, cv, reps, code_hash, strategy, created_at
             FROM trials WHERE key_id = ?1 ORDER BY id",
        ))?;
        let rows = st.query_map([key_id], row_trial);
        let rows = self.db(rows)?;
        let mut out = Vec::new();
        for r in rows {
            if let Ok(t) = self.db(r)? {
                out.push(t);
            }
        }
        Ok(out)
    }

    /// Stores `w` if it is the first winner of its key or strictly faster
    /// (smaller `median_s`) than the stored one, in one `BEGIN IMMEDIATE`
    /// transaction, so concurrent writers end with the fastest. Returns
    /// whether it was stored.
    pub fn offer_winner(&self, w: &Winner) -> Result<bool, CacheError> {
        let tx = self.db(rusqlite::Transaction::new_unchecked(
            &self.conn,
            TransactionBehavior::Immediate,
        ))?;
        let stored = self.offer_in_transaction(w)?;
        self.db(tx.commit())?;
        Ok(stored)
    }

    /// [`Cache::offer_winner`] inside a transaction the caller holds.
    fn offer_in_transaction(&self, w: &Winner) -> Result<bool, CacheError> {
        let current: Option<f64> = self.db(self
            .conn
            .query_row(
                "SELECT median_s FROM winners WHERE key_id = ?1",
                [w.key.id()],
                |r| r.get(0),
            )
            .optional())?;
        // Strictly faster only: an equal time (or NaN) keeps the stored one.
        let faster = current.is_none_or(|c| w.median_s < c);
        if faster {
            self.set_winner(w)?;
        }
        Ok(faster)
    }

    /// Stores the winner of a key unconditionally, replacing the stored one
    /// even when that is faster: for forced replacement only. Tuning
    /// results and imports go through [`Cache::offer_winner`].
    pub fn set_winner(&self, w: &Winner) -> Result<(), CacheError> {
        self.add_key(&w.key)?;
        let r = self.conn.execute(
            "INSERT OR REPLACE INTO winners (key_id, schedule, median_s, default_median_s, strategy, trials, budget, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                w.key.id(),
                w.schedule.to_string(),
                w.median_s,
                w.default_median_s,
                w.strategy,
                w.trials,
                w.budget,
                if w.created_at == 0 { now() } else { w.created_at },
            ],
        );
        self.db(r).map(|_| ())
    }

    /// The winner for exactly this key.
    pub fn winner(&self, key: &Key) -> Result<Option<Winner>, CacheError> {
        Ok(self
            .winners_where("w.key_id = ?1", &key.id())?
            .into_iter()
            .next())
    }

    /// Winners of the same kernel and shape under other keys (other device,
    /// compiler or search space): stale, never served, good starting points.
    pub fn seeds(&self, key: &Key) -> Result<Vec<Seed>, CacheError> {
        let id = key.id();
        Ok(self
            .winners_where("k.problem = ?1", &key.problem())?
            .into_iter()
            .filter(|w| w.key.id() != id)
            .map(|w| Seed {
                key: w.key,
                schedule: w.schedule,
            })
            .collect())
    }

    /// Winners in the same coarse shape bucket on the same device.
    pub fn neighbours(&self, key: &Key) -> Result<Vec<Winner>, CacheError> {
        let id = key.id();
        Ok(self
            .winners_where("k.bucket = ?1", &key.bucket())?
            .into_iter()
            .filter(|w| w.key.id() != id)
            .collect())
    }

    /// Every winner.
    pub fn all_winners(&self) -> Result<Vec<Winner>, CacheError> {
        self.winners_where("?1 = ?1", "")
    }

    fn winners_where(&self, cond: &str, arg: &str) -> Result<Vec<Winner>, CacheError> {
        let sql = format!(
            "SELECT k.key, w.schedule, w.median_s, w.default_median_s, w.strategy, w.trials, w.budget, w.created_at
             FROM winners w JOIN keys k ON k.key_id = w.key_id WHERE {cond} ORDER BY w.created_at, w.key_id"
        );
        let mut st = self.db(self.conn.prepare(&sql))?;
        let rows = self.db(st.query_map([arg], |r| {
            let key: String = r.get(0)?;
            let sched: String = r.get(1)?;
            Ok((
                key,
                sched,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        }))?;
        let mut out = Vec::new();
        for r in rows {
            let (key, sched, median_s, default_median_s, strategy, trials, budget, created_at) =
                self.db(r)?;
            // Rows that do not decode are skipped, never served.
            let (Ok(key), Ok(schedule)) = (
                serde_json::from_str::<Key>(&key),
                serde_json::from_str(&sched),
            ) else {
                continue;
            };
            out.push(Winner {
                key,
                schedule,
                median_s,
                default_median_s,
                strategy,
                trials,
                budget,
                created_at,
            });
        }
        Ok(out)
    }

    /// Keys matching an id prefix (as printed by `kiln cache ls`).
    pub fn find_keys(&self, prefix: &str) -> Result<Vec<Key>, CacheError> {
        let mut st = self.db(self
            .conn
            .prepare("SELECT key FROM keys WHERE key_id LIKE ?1 || '%' ORDER BY key_id"))?;
        let rows = self.db(st.query_map([prefix], |r| r.get::<_, String>(0)))?;
        let mut out = Vec::new();
        for r in rows {
            if let Ok(k) = serde_json::from_str(&self.db(r)?) {
                out.push(k);
            }
        }
        Ok(out)
    }

    /// Removes a key's winner and trials. Returns how many rows went.
    pub fn remove(&self, key_id: &str) -> Result<usize, CacheError> {
        let tx = self.db(self.conn.unchecked_transaction())?;
        let mut n = self.db(tx.execute("DELETE FROM trials WHERE key_id = ?1", [key_id]))?;
        n += self.db(tx.execute("DELETE FROM winners WHERE key_id = ?1", [key_id]))?;
        n += self.db(tx.execute("DELETE FROM keys WHERE key_id = ?1", [key_id]))?;
        self.db(tx.commit())?;
        Ok(n)
    }

    /// Drops trials of keys that have a winner, except the best `keep` per
    /// key and the failures, then compacts. Returns rows removed.
    pub fn gc(&self, keep: usize) -> Result<usize, CacheError> {
        let n = self.db(self.conn.execute(
            "DELETE FROM trials WHERE status = 'ok' AND key_id IN (SELECT key_id FROM winners) AND id NOT IN (
               SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY key_id ORDER BY median_s) AS rn
                               FROM trials WHERE status = 'ok') WHERE rn <= ?1)",
            [keep as i64],
        ))?;
        self.db(self.conn.execute_batch("VACUUM"))?;
        Ok(n)
    }

    /// SQLite's integrity check plus kiln's own: every stored key, winner
    /// and trial decodes, and every schedule parses as a
    /// [`kiln_schedule::Schedule`]. Returns the problems found, each naming
    /// its row (empty: healthy).
    pub fn verify(&self) -> Result<Vec<String>, CacheError> {
        let mut problems = Vec::new();
        let check: String = self.db(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0)))?;
        if check != "ok" {
            problems.push(format!("sqlite integrity check: {check}"));
        }
        let mut st = self.db(self
            .conn
            .prepare("SELECT key_id, key FROM keys ORDER BY key_id"))?;
        let rows =
            self.db(st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))))?;
        for r in rows {
            let (id, key) = self.db(r)?;
            match serde_json::from_str::<Key>(&key) {
                Err(e) => problems.push(format!("key {id}: the stored key does not decode: {e}")),
                Ok(k) if k.id() != id => {
                    problems.push(format!("key {id}: the stored key has id {}", k.id()))
                }
                Ok(_) => {}
            }
        }
        problems.extend(self.scan()?.problems);
        Ok(problems)
    }

    /// Every winner and trial, decoded, with the rows that do not decode.
    fn scan(&self) -> Result<Scan, CacheError> {
        let mut out = Scan::default();
        let mut st = self.db(self.conn.prepare(
            "SELECT w.key_id, k.key, w.schedule, w.median_s, w.default_median_s, w.strategy, w.trials, w.budget, w.created_at
             FROM winners w LEFT JOIN keys k ON k.key_id = w.key_id ORDER BY w.created_at, w.key_id",
        ))?;
        let rows = self.db(st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        }))?;
        for r in rows {
            let (id, key, sched, median_s, default_median_s, strategy, trials, budget, created_at) =
                self.db(r)?;
            let bad = |m: String| format!("winner of key {id}: {m}");
            let key = match key.as_deref().map(serde_json::from_str::<Key>) {
                None => Err(bad("its key is missing from the keys table".into())),
                Some(Err(e)) => Err(bad(format!("the stored key does not decode: {e}"))),
                Some(Ok(k)) => Ok(k),
            };
            let schedule = decode_schedule(&sched).map_err(bad);
            match (key, schedule) {
                (Ok(key), Ok(schedule)) => out.winners.push(Winner {
                    key,
                    schedule,
                    median_s,
                    default_median_s,
                    strategy,
                    trials,
                    budget,
                    created_at,
                }),
                (k, s) => out.problems.extend(k.err().into_iter().chain(s.err())),
            }
        }
        let mut st = self.db(self.conn.prepare(
            "SELECT key_id, schedule, status, error, median_s, p20_s, p80_s, cv, reps, code_hash, strategy, created_at, id
             FROM trials ORDER BY key_id, id",
        ))?;
        let rows = self.db(st.query_map([], |r| Ok((row_trial(r)?, r.get::<_, i64>(12)?))))?;
        for r in rows {
            match self.db(r)? {
                (Ok(t), id) => match kiln_schedule::Schedule::from_value(&t.schedule) {
                    Ok(_) => out.trials.push(t),
                    Err(e) => out.problems.push(format!(
                        "trial {id} (key {}): `schedule` is not a schedule of this kiln: {e}",
                        t.key_id
                    )),
                },
                (Err((key_id, m)), id) => {
                    out.problems.push(format!("trial {id} (key {key_id}): {m}"))
                }
            }
        }
        Ok(out)
    }

    /// Everything, for sharing. Fails with [`CacheError::Undecodable`],
    /// naming the rows, when any stored winner or trial does not decode:
    /// an export never drops rows silently.
    pub fn export(&self) -> Result<Export, CacheError> {
        let scan = self.scan()?;
        if !scan.problems.is_empty() {
            return Err(CacheError::Undecodable {
                path: self.path.clone(),
                rows: scan.problems,
            });
        }
        Ok(Export {
            version: SCHEMA_VERSION,
            winners: scan.winners,
            trials: scan.trials,
            keys: self.find_keys("")?,
        })
    }

    /// Imports winners and trials from JSON text. Everything is validated
    /// first (unknown fields are refused, every schedule must parse as a
    /// [`kiln_schedule::Schedule`], errors name the record and field, e.g.
    /// `winners[2].schedule.stmts[0].tiles`); on any error nothing is
    /// written. A winner is stored only where it is faster than the local
    /// one ([`Cache::offer_winner`]); every trial is added. Returns
    /// (winners stored, trials added).
    pub fn import_json(&self, text: &str) -> Result<(usize, usize), CacheError> {
        let e = parse_export(text)?;
        for (i, w) in e.winners.iter().enumerate() {
            let bad = |m: &str| CacheError::Import(format!("winners[{i}]: {m}"));
            if w.key.kernel_hash.len() != 64
                || !w.key.kernel_hash.chars().all(|c| c.is_ascii_hexdigit())
            {
                return Err(bad("`key.kernel_hash` is not a 64-digit hex hash"));
            }
            if w.key.device.is_empty() || w.key.compiler.is_empty() {
                return Err(bad("`key.device` and `key.compiler` must be set"));
            }
            if !(w.median_s.is_finite() && w.median_s > 0.0) {
                return Err(bad("`median_s` must be a positive time"));
            }
        }
        for (i, k) in e.keys.iter().enumerate() {
            if k.kernel_hash.len() != 64 || !k.kernel_hash.chars().all(|c| c.is_ascii_hexdigit()) {
                return Err(CacheError::Import(format!(
                    "keys[{i}].kernel_hash: not a 64-digit hex hash"
                )));
            }
        }
        for (i, t) in e.trials.iter().enumerate() {
            if t.key_id.is_empty() {
                return Err(CacheError::Import(format!(
                    "trials[{i}].key_id: must be set"
                )));
            }
            if let Some(m) = t.median_s {
                if !(m.is_finite() && m >= 0.0) {
                    return Err(CacheError::Import(format!(
                        "trials[{i}].median_s: must be a non-negative time"
                    )));
                }
            }
        }
        let tx = self.db(rusqlite::Transaction::new_unchecked(
            &self.conn,
            TransactionBehavior::Immediate,
        ))?;
        let mut stored = 0;
        for k in &e.keys {
            self.add_key(k)?;
        }
        for w in &e.winners {
            stored += usize::from(self.offer_in_transaction(w)?);
        }
        for t in &e.trials {
            self.add_trial(t)?;
        }
        self.db(tx.commit())?;
        Ok((stored, e.trials.len()))
    }
}

/// Winners and trials that decode, and the rows that do not.
#[derive(Default)]
struct Scan {
    winners: Vec<Winner>,
    trials: Vec<Trial>,
    problems: Vec<String>,
}

/// A stored schedule as JSON, if it is JSON and parses as a schedule.
fn decode_schedule(text: &str) -> Result<Value, String> {
    let v: Value =
        serde_json::from_str(text).map_err(|e| format!("`schedule` is not JSON: {e}"))?;
    kiln_schedule::Schedule::from_value(&v)
        .map_err(|e| format!("`schedule` is not a schedule of this kiln: {e}"))?;
    Ok(v)
}

/// Decodes an import, naming the record and field of the first error.
fn parse_export(text: &str) -> Result<Export, CacheError> {
    let bad = |m: String| CacheError::Import(m);
    let v: Value =
        serde_json::from_str(text).map_err(|e| bad(format!("not a kiln cache export: {e}")))?;
    let Value::Object(top) = &v else {
        return Err(bad("not a kiln cache export: not a JSON object".into()));
    };
    match top.get("version") {
        None => return Err(bad("not a kiln cache export: no `version`".into())),
        Some(n) if n.as_i64() != Some(SCHEMA_VERSION) => {
            return Err(bad(format!("export version {n} is not {SCHEMA_VERSION}")))
        }
        Some(_) => {}
    }
    let key = Key {
        kernel_hash: String::new(),
        kernel: String::new(),
        sizes: BTreeMap::new(),
        dtypes: String::new(),
        device: String::new(),
        compiler: String::new(),
        space: String::new(),
    };
    let schedule = serde_json::json!({"threads": 1, "stmts": []});
    let winner = Winner {
        key: key.clone(),
        schedule: schedule.clone(),
        median_s: 1.0,
        default_median_s: None,
        strategy: String::new(),
        trials: 0,
        budget: String::new(),
        created_at: 0,
    };
    let trial = Trial {
        key_id: String::new(),
        schedule,
        status: Status::Ok,
        error: None,
        median_s: None,
        p20_s: None,
        p80_s: None,
        cv: None,
        reps: None,
        code_hash: None,
        strategy: String::new(),
        created_at: 0,
    };
    let check_schedule = |s: &Value, at: &str| {
        kiln_schedule::Schedule::from_value(s).map_err(|e| {
            let at = match e.field.as_str() {
                "<json>" => at.to_string(),
                f => format!("{at}.{f}"),
            };
            bad(format!("{at}: {}", e.message))
        })
    };
    if let Some(Value::Array(ws)) = top.get("winners") {
        for (i, w) in ws.iter().enumerate() {
            let at = format!("winners[{i}]");
            if let Some(k) = w.get("key") {
                decode::<Key>(k, &key, &format!("{at}.key"))?;
            }
            if let Some(s) = w.get("schedule") {
                check_schedule(s, &format!("{at}.schedule"))?;
            }
            decode::<Winner>(w, &winner, &at)?;
        }
    }
    if let Some(Value::Array(ts)) = top.get("trials") {
        for (i, t) in ts.iter().enumerate() {
            let at = format!("trials[{i}]");
            if let Some(s) = t.get("schedule") {
                check_schedule(s, &format!("{at}.schedule"))?;
            }
            decode::<Trial>(t, &trial, &at)?;
        }
    }
    decode::<Export>(&v, &Export::default(), "")
}

/// Decodes `v` as a `T`; on error, names the first field of `v` that `T`
/// rejects (each field is tried in turn in `template`, a valid `T`), under
/// the path `at` (empty: the export itself).
fn decode<T: DeserializeOwned + Serialize>(
    v: &Value,
    template: &T,
    at: &str,
) -> Result<T, CacheError> {
    let whole = match serde_json::from_value::<T>(v.clone()) {
        Ok(x) => return Ok(x),
        Err(e) => e,
    };
    let base = serde_json::to_value(template).expect("cache records serialize");
    if let (Value::Object(obj), Value::Object(base)) = (v, base) {
        for (k, x) in obj {
            let mut probe = base.clone();
            probe.insert(k.clone(), x.clone());
            if let Err(e) = serde_json::from_value::<T>(Value::Object(probe)) {
                let field = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                return Err(CacheError::Import(format!("{field}: {e}")));
            }
        }
    }
    let at = if at.is_empty() { "the export" } else { at };
    Err(CacheError::Import(format!("{at}: {whole}")))
}

/// A trial row, or (key id, why it does not decode).
fn row_trial(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Trial, (String, String)>> {
    let key_id: String = r.get(0)?;
    let sched: String = r.get(1)?;
    let status: String = r.get(2)?;
    let schedule = match serde_json::from_str(&sched) {
        Ok(s) => s,
        Err(e) => return Ok(Err((key_id, format!("`schedule` is not JSON: {e}")))),
    };
    let Some(status) = Status::parse(&status) else {
        return Ok(Err((
            key_id,
            format!("`status` {status:?} is not a known outcome"),
        )));
    };
    Ok(Ok(Trial {
        key_id,
        schedule,
        status,
        error: r.get(3)?,
        median_s: r.get(4)?,
        p20_s: r.get(5)?,
        p80_s: r.get(6)?,
        cv: r.get(7)?,
        reps: r.get(8)?,
        code_hash: r.get(9)?,
        strategy: r.get(10)?,
        created_at: r.get(11)?,
    }))
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn is_corruption(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) | Some(rusqlite::ErrorCode::NotADatabase)
    )
}

/// Creates or upgrades the schema. Version 0 is an empty file.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if v > SCHEMA_VERSION {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_MISMATCH),
            Some(format!("cache schema version {v} is newer than this kiln ({SCHEMA_VERSION}); use a newer kiln or another --cache")),
        ));
    }
    if v < 1 {
        conn.execute_batch(
            "BEGIN IMMEDIATE;
             CREATE TABLE IF NOT EXISTS keys (key_id TEXT PRIMARY KEY, key TEXT NOT NULL, problem TEXT NOT NULL, bucket TEXT NOT NULL);
             CREATE INDEX IF NOT EXISTS keys_problem ON keys(problem);
             CREATE INDEX IF NOT EXISTS keys_bucket ON keys(bucket);
             CREATE TABLE IF NOT EXISTS trials (
               id INTEGER PRIMARY KEY AUTOINCREMENT, key_id TEXT NOT NULL, schedule TEXT NOT NULL, status TEXT NOT NULL,
               error TEXT, median_s REAL, p20_s REAL, p80_s REAL, cv REAL, reps INTEGER, code_hash TEXT,
               strategy TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL);
             CREATE INDEX IF NOT EXISTS trials_key ON trials(key_id);
             CREATE TABLE IF NOT EXISTS winners (
               key_id TEXT PRIMARY KEY, schedule TEXT NOT NULL, median_s REAL NOT NULL, default_median_s REAL,
               strategy TEXT NOT NULL, trials INTEGER NOT NULL, budget TEXT NOT NULL, created_at INTEGER NOT NULL);
             PRAGMA user_version = 1;
             COMMIT;",
        )?;
    }
    Ok(())
}
