//! Hostile `.npy` headers, shape products and comparisons of tensors that
//! disagree: clear errors, never an overflow, a panic or a huge allocation.

use kiln_ir::DType;
use kiln_tensor::{compare, first_mismatch, Data, HostTensor, Mismatch, TensorError};
use std::path::{Path, PathBuf};

/// A version-1 `.npy` file with the given header dictionary and data bytes.
fn npy_v1(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut header = dict.to_string();
    while !(10 + header.len() + 1).is_multiple_of(16) {
        header.push(' ');
    }
    header.push('\n');
    let mut out = b"\x93NUMPY\x01\x00".to_vec();
    out.extend((header.len() as u16).to_le_bytes());
    out.extend(header.as_bytes());
    out.extend(data);
    out
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// The message of an `Npy` error, checking it names the file.
fn npy_msg(path: &Path) -> String {
    match HostTensor::read_npy(path) {
        Err(e @ TensorError::Npy { .. }) => {
            let text = e.to_string();
            assert!(text.starts_with(&path.display().to_string()), "{text}");
            let TensorError::Npy { msg, .. } = e else {
                unreachable!()
            };
            msg
        }
        other => panic!("{}: expected an .npy error, got {other:?}", path.display()),
    }
}

#[test]
fn header_shape_whose_product_overflows_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4), }";
    let p = write(dir.path(), "huge.npy", &npy_v1(dict, &[0; 16]));
    assert_eq!(
        npy_msg(&p),
        "header field `shape` [4611686018427387904, 4] has more elements than a 64-bit count holds"
    );
    // A zero dimension makes an empty tensor, however large the others.
    let dict =
        "{'descr': '<f4', 'fortran_order': False, 'shape': (0, 1099511627776, 1099511627776), }";
    let p = write(dir.path(), "zero.npy", &npy_v1(dict, &[]));
    let t = HostTensor::read_npy(&p).unwrap();
    assert_eq!(t.shape, vec![0, 1 << 40, 1 << 40]);
    assert_eq!(t.data_len(), 0);
    // A repeated key means its last value (Python semantics): the huge one.
    let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'shape': (4611686018427387904, 4)}";
    let p = write(dir.path(), "twice.npy", &npy_v1(dict, &[0; 4]));
    assert!(npy_msg(&p).contains("more elements than a 64-bit count holds"));
    // A negative dimension.
    let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 4)}";
    let p = write(dir.path(), "neg.npy", &npy_v1(dict, &[0; 4]));
    assert!(npy_msg(&p).starts_with("header field `shape` holds `-1`"));
    // A dimension beyond u64.
    let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (18446744073709551616,), }";
    let p = write(dir.path(), "u64.npy", &npy_v1(dict, &[]));
    assert!(
        npy_msg(&p).starts_with("header field `shape` holds `18446744073709551616`"),
        "{}",
        npy_msg(&p)
    );
}

#[test]
fn a_large_shape_without_the_data_is_an_error_before_any_allocation() {
    let dir = tempfile::tempdir().unwrap();
    // 2^62 f64 elements: the product fits in u64, the bytes do not.
    let dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2147483648, 2147483648), }";
    let p = write(dir.path(), "big.npy", &npy_v1(dict, &[0; 8]));
    assert_eq!(
        npy_msg(&p),
        "header field `shape` [2147483648, 2147483648] has 4611686018427387904 elements of `<f8` \
         (more than 2^64 bytes), but the file holds 8 bytes of data"
    );
    // 2^40 f32 elements: a huge allocation if believed.
    let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776,), }";
    let p = write(dir.path(), "big2.npy", &npy_v1(dict, &[0; 8]));
    assert_eq!(
        npy_msg(&p),
        "header field `shape` [1099511627776] has 1099511627776 elements of `<f4` \
         (4398046511104 bytes), but the file holds 8 bytes of data"
    );
}

#[test]
fn element_count_and_data_length_must_agree() {
    let dir = tempfile::tempdir().unwrap();
    let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }";
    let p = write(dir.path(), "short.npy", &npy_v1(dict, &[0; 8]));
    assert_eq!(
        npy_msg(&p),
        "header field `shape` [3, 4] has 12 elements of `<f4` (48 bytes), but the file holds 8 bytes of data"
    );
    let p = write(dir.path(), "long.npy", &npy_v1(dict, &[0; 52]));
    assert!(npy_msg(&p).ends_with("but the file holds 52 bytes of data"));
    // Exactly right reads.
    let data: Vec<u8> = (0..12).flat_map(|i| (i as f32).to_le_bytes()).collect();
    let p = write(dir.path(), "ok.npy", &npy_v1(dict, &data));
    let t = HostTensor::read_npy(&p).unwrap();
    assert_eq!(t.shape, vec![3, 4]);
    assert_eq!(t.to_f64()[11], 11.0);
}

#[test]
fn malformed_preambles_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "tiny.npy", b"\x93NUM");
    assert!(npy_msg(&p).contains("magic"));
    // The header claims more bytes than the file has.
    let mut bytes = b"\x93NUMPY\x02\x00".to_vec();
    bytes.extend(u32::MAX.to_le_bytes());
    bytes.extend(b"{'shape': (1,)}");
    let p = write(dir.path(), "v2.npy", &bytes);
    assert!(
        npy_msg(&p).contains("the header says it is 4294967295 bytes long"),
        "{}",
        npy_msg(&p)
    );
    let dict = "{'descr': '<f4', 'fortran_order': False, }";
    let p = write(dir.path(), "noshape.npy", &npy_v1(dict, &[]));
    assert!(npy_msg(&p).contains("no `shape` field"));
    let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': 7, }";
    let p = write(dir.path(), "notuple.npy", &npy_v1(dict, &[]));
    assert_eq!(npy_msg(&p), "header field `shape` is not a tuple");
    let dict = "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }";
    let p = write(dir.path(), "fortran.npy", &npy_v1(dict, &[0; 4]));
    assert!(npy_msg(&p).starts_with("Fortran-order arrays are not supported"));
    let dict = "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }";
    let p = write(dir.path(), "struct.npy", &npy_v1(dict, &[0; 4]));
    assert_eq!(npy_msg(&p), "structured dtypes are not supported");
    let dict = "{'descr': '<u2', 'fortran_order': False, 'shape': (1,), }";
    let p = write(dir.path(), "u2.npy", &npy_v1(dict, &[0; 2]));
    assert!(npy_msg(&p).starts_with("dtype `<u2` is not supported"));
    let dict = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let p = write(dir.path(), "deep.npy", &npy_v1(&dict, &[]));
    assert!(npy_msg(&p).contains("nested too deeply"));
    let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,)";
    let p = write(dir.path(), "open.npy", &npy_v1(dict, &[0; 4]));
    assert!(npy_msg(&p).contains("malformed header"));
}

#[test]
fn big_endian_and_python2_spellings_read() {
    let dir = tempfile::tempdir().unwrap();
    let data: Vec<u8> = [1.5f32, -2.0]
        .iter()
        .flat_map(|x| x.to_be_bytes())
        .collect();
    let dict = "{'descr': '>f4', 'fortran_order': False, 'shape': (2L,), }";
    let p = write(dir.path(), "be.npy", &npy_v1(dict, &data));
    assert_eq!(HostTensor::read_npy(&p).unwrap().to_f64(), vec![1.5, -2.0]);
    let data: Vec<u8> = [7i32, -9].iter().flat_map(|x| x.to_be_bytes()).collect();
    let dict = "{'descr': '>i4', 'fortran_order': False, 'shape': (1, 2), }";
    let p = write(dir.path(), "bei.npy", &npy_v1(dict, &data));
    let t = HostTensor::read_npy(&p).unwrap();
    assert_eq!(t.data, Data::I32(vec![7, -9]));
    let data = kiln_tensor::HalfF16::from_f64(0.5).to_le_bytes();
    let dict = "{'descr': '<f2', 'fortran_order': False, 'shape': (), }";
    let p = write(dir.path(), "h.npy", &npy_v1(dict, &data));
    let t = HostTensor::read_npy(&p).unwrap();
    assert_eq!((t.shape.len(), t.to_f64()), (0, vec![0.5]));
}

#[test]
fn written_files_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        HostTensor::from_f64(DType::F32, vec![2, 3], &[1., 2., 3., 4., 5., 6.]),
        HostTensor::from_f64(DType::I32, vec![4], &[-1., 2., -3., 4.]),
        HostTensor::from_f64(DType::F16, vec![1, 1, 2], &[0.5, -0.25]),
        HostTensor::from_f64(DType::F64, vec![], &[3.5]),
    ];
    for (i, t) in cases.iter().enumerate() {
        let p = dir.path().join(format!("{i}.npy"));
        kiln_tensor::write_npy_atomic(&[(p.clone(), t)]).unwrap();
        assert_eq!(&HostTensor::read_npy(&p).unwrap(), t);
    }
    // numpy's own spelling, with a double-quoted key and a 1-tuple.
    let data: Vec<u8> = [1.0f64, 2.0].iter().flat_map(|x| x.to_le_bytes()).collect();
    let p = write(
        dir.path(),
        "np.npy",
        &npy_v1(
            "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2,)}",
            &data,
        ),
    );
    assert_eq!(HostTensor::read_npy(&p).unwrap().to_f64(), vec![1.0, 2.0]);
}

#[test]
fn shape_products_are_checked() {
    let huge = vec![1 << 40, 1 << 40];
    assert_eq!(HostTensor::checked_numel(&huge), None);
    assert_eq!(HostTensor::numel_of(&huge), usize::MAX);
    assert_eq!(HostTensor::checked_numel(&[3, 4]), Some(12));
    assert_eq!(HostTensor::checked_numel(&[]), Some(1));
    let err = HostTensor::try_zeros(DType::F32, huge.clone()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "shape [1099511627776, 1099511627776]: its element count overflows a 64-bit integer"
    );
    assert!(HostTensor::try_sentinel(DType::F64, huge.clone()).is_err());
    assert!(HostTensor::try_random(DType::I32, huge, &mut HostTensor::rng(0)).is_err());
    // Fits in a count but not in bytes.
    let err = HostTensor::try_zeros(DType::F64, vec![1 << 62]).unwrap_err();
    assert!(
        err.to_string()
            .contains("more bytes than this machine can address"),
        "{err}"
    );
    let err = HostTensor::try_from_f64(DType::F32, vec![2, 2], &[1.0; 3]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "shape [2, 2]: it has 4 elements but 3 values were given"
    );
    let t = HostTensor::try_sentinel(DType::I32, vec![2, 3]).unwrap();
    assert_eq!(t.sentinel_positions().len(), 6);
    let t = HostTensor::try_random(DType::F32, vec![5], &mut HostTensor::rng(1)).unwrap();
    assert_eq!(t.data_len(), 5);
    // A tensor whose buffer disagrees with its shape is not written.
    let bad = HostTensor {
        shape: vec![3],
        data: Data::F32(vec![1.0]),
    };
    assert!(matches!(
        bad.try_to_npy_bytes(),
        Err(TensorError::Shape { .. })
    ));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.npy");
    assert!(kiln_tensor::write_npy_atomic(&[(p.clone(), &bad)]).is_err());
    assert!(!p.exists());
}

#[test]
fn random_inputs_of_a_specialized_kernel() {
    let k = &kiln_ir::check_source("kernel k(x: f32[N], s: i32) -> (y: f32[N]) { y[i] = x[i]; }")
        .unwrap()[0];
    let sizes = [("N".to_string(), 6)].into_iter().collect();
    let spec = kiln_ir::Specialized::from_sizes(k, &sizes).unwrap();
    let ins = kiln_tensor::try_random_inputs(&spec, 3).unwrap();
    assert_eq!(ins.len(), 2);
    assert_eq!(ins[0].shape, vec![6]);
    assert_eq!(ins[1].dtype(), DType::I32);
    assert_eq!(ins, kiln_tensor::random_inputs(&spec, 3));
}

fn f32s(shape: Vec<usize>, v: &[f64]) -> HostTensor {
    HostTensor::from_f64(DType::F32, shape, v)
}

#[test]
fn a_shape_mismatch_names_the_dimension_and_both_sizes() {
    let got = HostTensor::sentinel(DType::F32, vec![4, 5]);
    let want = HostTensor::sentinel(DType::F32, vec![4, 6]);
    let err = compare("y", &got, &want).unwrap_err();
    assert_eq!(
        err,
        Mismatch::Shape {
            name: "y".into(),
            dim: 1,
            got: vec![4, 5],
            want: vec![4, 6],
        }
    );
    assert_eq!(
        err.to_string(),
        "`y` has size 5 in dimension 1 but the reference has 6 (shapes [4, 5] and [4, 6])"
    );
    // Even when every element would compare equal (NaN matches NaN).
    let err = compare(
        "y",
        &f32s(vec![2], &[1., 2.]),
        &f32s(vec![3], &[1., 2., 3.]),
    )
    .unwrap_err();
    assert!(matches!(err, Mismatch::Shape { dim: 0, .. }));
    let err = compare("y", &f32s(vec![6], &[0.; 6]), &f32s(vec![2, 3], &[0.; 6])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`y` has rank 1 (shape [6]) but the reference has rank 2 (shape [2, 3])"
    );
    let err = compare(
        "y",
        &f32s(vec![2], &[0.; 2]),
        &HostTensor::from_f64(DType::F64, vec![2], &[0.; 2]),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "`y` has dtype f32 but the reference has f64"
    );
    // A buffer that disagrees with its own shape.
    let bad = HostTensor {
        shape: vec![3],
        data: Data::F32(vec![1.0]),
    };
    let err = compare("y", &bad, &f32s(vec![3], &[1.; 3])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "result `y` holds 1 elements but its shape [3] has 3"
    );
}

#[test]
fn a_value_mismatch_names_the_position() {
    let want = f32s(vec![2, 3], &[0., 1., 2., 3., 4., 5.]);
    let mut v = want.to_f64();
    v[4] = 4.5;
    let got = f32s(vec![2, 3], &v);
    let err = compare("c", &got, &want).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`c` differs at index [1, 1] (flat 4): got 4.5, want 4"
    );
    assert_eq!(first_mismatch(&got, &want), Some((4, 4.5, 4.0)));
    assert_eq!(compare("c", &want, &want), Ok(()));
    assert_eq!(first_mismatch(&want, &want), None);
    let nan = HostTensor::sentinel(DType::F32, vec![3]);
    assert_eq!(compare("n", &nan, &nan), Ok(()));
}

/// A failure part-way (the second target is a directory) leaves every
/// target as it was: the first file keeps its old contents.
#[test]
fn multi_file_writes_are_all_or_nothing() {
    use kiln_tensor::{write_npy_atomic, HostTensor};
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.npy"), dir.path().join("b.npy"));
    let old = HostTensor::from_f64(kiln_ir::DType::F32, vec![2], &[1.0, 2.0]);
    write_npy_atomic(&[(a.clone(), &old)]).unwrap();
    let before = std::fs::read(&a).unwrap();
    std::fs::create_dir(&b).unwrap();
    let new = HostTensor::from_f64(kiln_ir::DType::F32, vec![2], &[5.0, 6.0]);
    let err = write_npy_atomic(&[(a.clone(), &new), (b.clone(), &new)]).unwrap_err();
    assert!(err.to_string().contains("b.npy"), "{err}");
    assert_eq!(std::fs::read(&a).unwrap(), before, "a.npy was rolled back");
    assert!(b.is_dir());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no temporary or backup left: {names:?}");
    // And with nothing in the way both are written.
    std::fs::remove_dir(&b).unwrap();
    write_npy_atomic(&[(a.clone(), &new), (b.clone(), &new)]).unwrap();
    assert_ne!(std::fs::read(&a).unwrap(), before);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}
