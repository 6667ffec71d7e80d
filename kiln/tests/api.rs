//! The library API as a runtime uses it: errors that name what is wrong,
//! zero-copy runs, rebinding without recompiling, and compiled kernels
//! shared across threads, each result checked against the interpreter.

use kiln::{
    sizes, DType, HostTensor, Kiln, Module, ScheduleChoice, Slice, SliceMut, TensorMut, TensorRef,
};

const SRC: &str = "
kernel softmax(x: f32[R, C]) -> (y: f32[R, C]) {
    m[r] max= x[r, c];
    e[r, c] = exp(x[r, c] - m[r]);
    s[r] += e[r, c];
    y[r, c] = e[r, c] / s[r];
}
kernel axpy(a: f32, x: f32[N], y: f32[N]) -> (z: f32[N]) { z[i] = a * x[i] + y[i]; }
";

fn kiln() -> (tempfile::TempDir, Kiln) {
    let dir = tempfile::tempdir().unwrap();
    let k = Kiln::with_cache_dir(dir.path());
    (dir, k)
}

#[test]
fn errors_name_the_span_the_kernel_and_the_argument() {
    let e = Module::parse(
        "bad.kiln",
        "kernel k(x: f32[N]) -> (y: f32[N]) { y[i] = q[i]; }",
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("bad.kiln") && e.contains("q"), "{e}");
    let m = Module::parse("ok.kiln", SRC).unwrap();
    let e = m.kernel("nope").unwrap_err().to_string();
    assert!(e.contains("nope") && e.contains("softmax, axpy"), "{e}");
    let (_d, kiln) = kiln();
    let e = kiln.device("tpu:0").err().unwrap().to_string();
    assert!(e.contains("unknown device `tpu:0`"), "{e}");
    let k = m.kernel("softmax").unwrap();
    let e = k.specialize(&sizes([("R", 4)])).unwrap_err().to_string();
    assert!(e.contains('C'), "the missing size is named: {e}");
    let cpu = kiln.device("cpu").unwrap();
    let c = kiln
        .compile(
            &k,
            &cpu,
            &sizes([("R", 4), ("C", 8)]),
            ScheduleChoice::Default,
        )
        .unwrap();
    let wrong = HostTensor::zeros(DType::F32, vec![4, 9]);
    let e = c.run(&[wrong]).unwrap_err().to_string();
    assert!(
        e.contains("`x`") && e.contains("[4, 9]") && e.contains("[4, 8]"),
        "{e}"
    );
    let x = [0f32; 32];
    let mut y = [0f32; 31];
    let e = c
        .run_into(
            &[TensorRef {
                shape: &[4, 8],
                data: Slice::F32(&x),
            }],
            &mut [TensorMut {
                shape: &[4, 8],
                data: SliceMut::F32(&mut y),
            }],
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("`y`") && e.contains("31"), "{e}");
    let mut yd = [0f64; 32];
    let e = c
        .run_into(
            &[TensorRef {
                shape: &[4, 8],
                data: Slice::F32(&x),
            }],
            &mut [TensorMut {
                shape: &[4, 8],
                data: SliceMut::F64(&mut yd),
            }],
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("`y`") && e.contains("f64"), "{e}");
}

#[test]
fn zero_copy_rebinding_and_threads_agree_with_the_interpreter() {
    let m = Module::parse("ok.kiln", SRC).unwrap();
    let k = m.kernel("softmax").unwrap();
    let (_d, kiln) = kiln();
    let cpu = kiln.device("cpu").unwrap();
    let c = kiln
        .compile(
            &k,
            &cpu,
            &sizes([("R", 16), ("C", 64)]),
            ScheduleChoice::Cached,
        )
        .unwrap();
    assert_eq!(
        c.schedule_source().to_string().split(' ').next(),
        Some("default")
    );
    let input = |seed| HostTensor::random(DType::F32, vec![16, 64], &mut HostTensor::rng(seed));
    let check = |x: &HostTensor, got: &HostTensor| {
        let want = k.interpret(std::slice::from_ref(x)).unwrap().remove(0);
        assert_eq!(kiln_tensor::first_mismatch(got, &want), None);
    };
    // Zero-copy: the caller's buffers.
    let x = input(1);
    let mut y = HostTensor::zeros(DType::F32, vec![16, 64]);
    c.run_into(&[TensorRef::of(&x)], &mut [TensorMut::of(&mut y)])
        .unwrap();
    check(&x, &y);
    // Rebinding an input without recompiling.
    let mut b = c.bind(std::slice::from_ref(&x)).unwrap();
    b.launch().unwrap();
    check(&x, &b.outputs().unwrap()[0]);
    let x2 = input(2);
    b.set_input(0, &x2).unwrap();
    b.launch().unwrap();
    check(&x2, &b.outputs().unwrap()[0]);
    let e = b.set_input(1, &x2).unwrap_err().to_string();
    assert!(e.contains("#1"), "{e}");
    drop(b);
    // One compiled kernel, four threads.
    fn shared<T: Send + Sync>(_: &T) {}
    shared(&c);
    std::thread::scope(|s| {
        for seed in 10..14 {
            let c = &c;
            let check = &check;
            s.spawn(move || {
                for round in 0..5 {
                    let x = input(seed * 100 + round);
                    check(&x, &c.run(std::slice::from_ref(&x)).unwrap()[0]);
                }
            });
        }
    });
}
