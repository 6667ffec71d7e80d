//! Data-driven cases: a `.kiln` file whose leading comments say how to run
//! it. Every kernel of the file (or the one `kernel:` names) runs on the
//! interpreter and on every device, and the devices must agree with it.
//!
//! ```text
//! // Prose lines are ignored; `// key: value` lines are directives:
//! // sizes: N=8, M=3          size symbols (others: drawn until valid)
//! // seed: 7                  random inputs' seed (default 0)
//! // input d: [1, 0, -2]      an input's values, flat, row-major
//! // input eps: 0.5           a scalar parameter
//! // schedule cpu: {...}      a schedule (JSON) for one device kind
//! // random: 3                random valid schedules per device (default 2)
//! // expect q: [3, 0, -4]     the oracle's values for an output
//! // expect: error div-by-zero   the run fails with this class of error
//! // kernel: lazy             run only this kernel of the file
//! kernel lazy(...) -> (...) { ... }
//! ```
//!
//! `expect` lines check the interpreter against hand-computed values,
//! exactly (after rounding them to the output's dtype); the devices are
//! then checked against the interpreter (same values within tolerance,
//! bit-exact for i32, or the same class of error).

use crate::{agree, on_device, output_names, reference, Outcome};
use kiln_device::Device;
use kiln_ir::{Kernel, Specialized};
use kiln_schedule::Schedule;
use kiln_tensor::HostTensor;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// The directives of one file.
#[derive(Clone, Debug, Default)]
pub struct Header {
    /// `sizes:`.
    pub sizes: BTreeMap<String, i64>,
    /// `seed:`.
    pub seed: u64,
    /// `input NAME:` values.
    pub inputs: BTreeMap<String, Vec<f64>>,
    /// `schedule KIND:` JSON.
    pub schedules: BTreeMap<String, String>,
    /// `random:`.
    pub random: usize,
    /// `expect NAME:` values.
    pub expect: BTreeMap<String, Vec<f64>>,
    /// `expect: error CLASS`.
    pub expect_error: Option<String>,
    /// `kernel:`.
    pub kernel: Option<String>,
}

/// Parses the directives of `src` (all `// key: value` comment lines
/// before the first kernel). Unknown keys are errors, so a typo cannot
/// silently drop a check.
pub fn parse_header(src: &str) -> Result<Header, String> {
    let mut h = Header {
        random: 2,
        ..Header::default()
    };
    for (n, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.starts_with("kernel") {
            break;
        }
        let Some(c) = line.strip_prefix("//") else {
            continue;
        };
        let Some((key, value)) = c.split_once(':') else {
            continue;
        };
        let key = key.trim();
        let value = value.trim();
        let at = |e: String| format!("line {}: {e}", n + 1);
        let mut words = key.split_whitespace();
        let (k, arg) = (words.next().unwrap_or(""), words.next());
        // Prose with a colon ("Note: ...", "the device (issue: ...") has
        // capitals, punctuation or more words before it.
        let ident = |w: &str| w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !k.chars().all(|c| c.is_ascii_lowercase())
            || arg.is_some_and(|a| !ident(a))
            || words.next().is_some()
        {
            continue;
        }
        match (k, arg) {
            ("sizes", None) => {
                for kv in value.split(',').filter(|s| !s.trim().is_empty()) {
                    let (s, v) = kv
                        .split_once('=')
                        .ok_or_else(|| at(format!("`{kv}` is not SYM=N")))?;
                    let v = v
                        .trim()
                        .parse()
                        .map_err(|_| at(format!("`{v}` is not a size")))?;
                    h.sizes.insert(s.trim().to_string(), v);
                }
            }
            ("seed", None) => {
                h.seed = value
                    .parse()
                    .map_err(|_| at(format!("bad seed `{value}`")))?
            }
            ("random", None) => {
                h.random = value
                    .parse()
                    .map_err(|_| at(format!("bad count `{value}`")))?
            }
            ("kernel", None) => h.kernel = Some(value.to_string()),
            ("input", Some(name)) => {
                h.inputs
                    .insert(name.to_string(), values(value).map_err(at)?);
            }
            ("schedule", Some(kind)) => {
                h.schedules.insert(kind.to_string(), value.to_string());
            }
            ("expect", Some(name)) => {
                h.expect
                    .insert(name.to_string(), values(value).map_err(at)?);
            }
            ("expect", None) => {
                let class = value
                    .strip_prefix("error")
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .ok_or_else(|| at(format!("`expect: {value}`: want `error CLASS`")))?;
                h.expect_error = Some(class.to_string());
            }
            _ => return Err(at(format!("unknown directive `{key}`"))),
        }
    }
    Ok(h)
}

/// `[1, -2.5, inf, nan]` or a single number.
fn values(text: &str) -> Result<Vec<f64>, String> {
    let inner = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(text);
    inner
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let s = s.to_ascii_lowercase();
            match s.as_str() {
                "inf" | "+inf" => Ok(f64::INFINITY),
                "-inf" => Ok(f64::NEG_INFINITY),
                "nan" => Ok(f64::NAN),
                _ => s.parse().map_err(|_| format!("`{s}` is not a number")),
            }
        })
        .collect()
}

/// Sizes for `k`: the header's, and for symbols it lacks, sizes drawn from
/// the fuzzer's set until the kernel accepts them (at most 10^6 loop
/// iterations for the interpreter).
fn sizes_for(
    k: &Kernel,
    given: &BTreeMap<String, i64>,
    seed: u64,
) -> Result<BTreeMap<String, i64>, String> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut last = String::new();
    for attempt in 0..400 {
        let cap = if attempt < 200 { 64 } else { 8 };
        let s: BTreeMap<String, i64> = k
            .symbols
            .iter()
            .map(|(_, s)| {
                let v = given.get(&s.name).copied().unwrap_or_else(|| {
                    let c: Vec<i64> = crate::gen::SIZES
                        .iter()
                        .copied()
                        .filter(|&v| v <= cap)
                        .collect();
                    c[rng.gen_range(0..c.len())]
                });
                (s.name.clone(), v)
            })
            .collect();
        match Specialized::from_sizes(k, &s) {
            Ok(spec) => {
                let work: f64 = (0..k.stmts.len())
                    .map(|i| spec.domain(i).iter().map(|&e| e as f64).product::<f64>())
                    .sum();
                if work <= 1e6 {
                    return Ok(s);
                }
                last = format!("work {work} too large");
            }
            Err(d) => last = d.to_string(),
        }
        if k.symbols.iter().all(|(_, s)| given.contains_key(&s.name)) {
            break;
        }
    }
    Err(format!("no sizes for `{}`: {last}", k.name))
}

/// Inputs: the header's values, random ones (seeded) for the rest.
fn inputs_for(spec: &Specialized<'_>, h: &Header) -> Result<Vec<HostTensor>, String> {
    let k = spec.kernel;
    let mut random = kiln_tensor::random_inputs(spec, h.seed);
    for (i, &t) in k.inputs.iter().enumerate() {
        let tensor = &k.tensors[t];
        if let Some(v) = h.inputs.get(&tensor.name) {
            let shape = spec.shape(t).to_vec();
            let n: usize = shape.iter().product();
            if v.len() != n {
                return Err(format!(
                    "input `{}` has {} values; its shape {shape:?} needs {n}",
                    tensor.name,
                    v.len()
                ));
            }
            random[i] = HostTensor::from_f64(tensor.dtype, shape, v);
        }
    }
    Ok(random)
}

/// Runs one file on the interpreter and `devices`; returns every failure
/// (empty: the file passes) and the number of device runs.
pub fn run_file(path: &Path, devices: &[Arc<dyn Device>]) -> (Vec<String>, usize) {
    let name = path.display().to_string();
    let mut fails = Vec::new();
    let mut runs = 0;
    let src = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => return (vec![format!("{name}: {e}")], 0),
    };
    let header = match parse_header(&src) {
        Ok(h) => h,
        Err(e) => return (vec![format!("{name}: {e}")], 0),
    };
    let kernels = match kiln_ir::check_source(&src) {
        Ok(k) => k,
        Err(d) => {
            let d: Vec<String> = d.iter().map(|d| d.to_string()).collect();
            return (vec![format!("{name}: {}", d.join("; "))], 0);
        }
    };
    let selected: Vec<&Kernel> = kernels
        .iter()
        .filter(|k| header.kernel.as_ref().is_none_or(|n| *n == k.name))
        .collect();
    if selected.is_empty() {
        return (vec![format!("{name}: no kernel `{:?}`", header.kernel)], 0);
    }
    for k in selected {
        let at = format!("{name}: `{}`", k.name);
        match run_kernel(k, &header, devices) {
            Ok((f, n)) => {
                runs += n;
                fails.extend(f.into_iter().map(|f| format!("{at}: {f}")));
            }
            Err(e) => fails.push(format!("{at}: {e}")),
        }
    }
    (fails, runs)
}

fn run_kernel(
    k: &Kernel,
    h: &Header,
    devices: &[Arc<dyn Device>],
) -> Result<(Vec<String>, usize), String> {
    let sizes = sizes_for(k, &h.sizes, h.seed)?;
    let spec = Specialized::from_sizes(k, &sizes).map_err(|d| d.to_string())?;
    let inputs = inputs_for(&spec, h)?;
    for n in h.inputs.keys() {
        if !k.inputs.iter().any(|&t| k.tensors[t].name == *n) {
            return Err(format!("`input {n}`: the kernel has no input `{n}`"));
        }
    }
    let want = reference(&spec, &inputs);
    let names = output_names(k);
    let mut fails = Vec::new();
    // The oracle against the file's expectations.
    match (&h.expect_error, &want) {
        (Some(c), Outcome::Error { class, .. }) if c == class => {}
        (Some(c), other) => fails.push(format!(
            "expected error `{c}`, the interpreter gives {other:?}"
        )),
        (None, Outcome::Error { message, .. }) => {
            fails.push(format!("the interpreter fails: {message}"))
        }
        (None, Outcome::Values(outs)) => {
            for (name, v) in &h.expect {
                let Some(i) = names.iter().position(|n| n == name) else {
                    return Err(format!(
                        "`expect {name}`: the kernel has no output `{name}`"
                    ));
                };
                // The oracle is exact: expected values (rounded to the
                // output's dtype) must match bit for bit (NaN matches NaN).
                let t = &outs[i];
                let e = HostTensor::from_f64(t.dtype(), t.shape.clone(), v).to_f64();
                if v.len() != t.numel() {
                    fails.push(format!(
                        "`expect {name}` has {} values, the output {}",
                        v.len(),
                        t.numel()
                    ));
                } else if let Some((at, (g, w))) = t
                    .to_f64()
                    .into_iter()
                    .zip(e)
                    .enumerate()
                    .find(|(_, (g, w))| !(g == w || (g.is_nan() && w.is_nan())))
                {
                    fails.push(format!(
                        "interpreter: `{name}`[{at}] = {g:e}, the file expects {w:e}"
                    ));
                }
            }
        }
    }
    let mut runs = 0;
    for dev in devices {
        let info = dev.info();
        let mut scheds = vec![match h.schedules.get(&info.kind) {
            Some(j) => {
                Schedule::from_json(j).map_err(|e| format!("`schedule {}`: {e}", info.kind))?
            }
            None => Schedule::default_for(&spec, &info.limits),
        }];
        let mut rng = rand::rngs::StdRng::seed_from_u64(h.seed ^ 0x5eed);
        for _ in 0..h.random {
            scheds.push(Schedule::random(&spec, &info.limits, &mut rng));
        }
        for s in scheds {
            runs += 1;
            let got = on_device(dev.as_ref(), &spec, &s, &inputs);
            if let Err(e) = agree(&want, &got, &names) {
                fails.push(format!(
                    "{} ({}): {e}\n  schedule: {}",
                    info.name,
                    crate::sizes_text(&sizes),
                    serde_json::to_string(&s).unwrap_or_default()
                ));
            }
        }
    }
    Ok((fails, runs))
}
