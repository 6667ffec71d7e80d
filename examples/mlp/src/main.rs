//! Runs the block once and prints each row's most likely class.

use kiln_example_mlp::{B, D, block, demo_weights, values};

fn main() {
    let x = values(B * D, 42, 1.0);
    let p = block(&x, &demo_weights()).expect("the kernels run");
    for (r, row) in p.chunks(D).enumerate() {
        let (best, pb) = row
            .iter()
            .enumerate()
            .fold((0, f32::MIN), |a, (i, &v)| if v > a.1 { (i, v) } else { a });
        let sum: f32 = row.iter().sum();
        println!("row {r}: class {best} (p = {pb:.4}), row sum {sum:.6}");
    }
}
