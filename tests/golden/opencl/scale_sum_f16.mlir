module attributes {gpu.container_module} {
  gpu.module @kiln {
  // y = statement 0 of `scale_sum_f16`
    gpu.func @s0(%t2: memref<3x37xf16> {llvm.align = 16 : i64}, %t0: memref<3x37xf16> {llvm.align = 16 : i64}, %t1: memref<f16> {llvm.align = 16 : i64}) kernel attributes {known_block_size = array<i32: 16, 1, 1>} {
      %k0 = arith.constant 1 : index
      %k1 = arith.constant 10 : index
      %k4 = arith.constant 3 : index
      %k3 = arith.constant 37 : index
      %k2 = arith.constant 4 : index
      %v1 = gpu.global_id x
      %v2 = gpu.global_id y
      %v3 = arith.muli %v1, %k2 : index
      %v4 = arith.minui %v3, %k3 : index
      %v5 = arith.addi %v4, %k2 : index
      %v6 = arith.minui %v5, %k3 : index
      %v7 = arith.muli %v2, %k0 : index
      %v8 = arith.minui %v7, %k4 : index
      %v9 = arith.addi %v8, %k0 : index
      %v10 = arith.minui %v9, %k4 : index
      scf.for %v11 = %v8 to %v10 step %k0 {
        %v13 = arith.subi %v6, %v4 : index
        %v14 = arith.divui %v13, %k2 : index
        %v15 = arith.muli %v14, %k2 : index
        %v16 = arith.addi %v4, %v15 : index
        scf.for %v17 = %v4 to %v16 step %k2 {
          %v19 = vector.load %t0[%v11, %v17] : memref<3x37xf16>, vector<4xf16>
          %v20 = arith.extf %v19 : vector<4xf16> to vector<4xf32>
          %v21 = memref.load %t1[] : memref<f16>
          %v22 = arith.extf %v21 : f16 to f32
          %v23 = vector.broadcast %v22 : f32 to vector<4xf32>
          %v24 = arith.mulf %v20, %v23 : vector<4xf32>
          %v25 = arith.truncf %v24 : vector<4xf32> to vector<4xf16>
          %v26 = arith.extf %v25 : vector<4xf16> to vector<4xf32>
          %v27 = arith.truncf %v26 : vector<4xf32> to vector<4xf16>
          vector.store %v27, %t2[%v11, %v17] : memref<3x37xf16>, vector<4xf16>
        }
        scf.for %v28 = %v16 to %v6 step %k0 {
          %v30 = memref.load %t0[%v11, %v28] : memref<3x37xf16>
          %v31 = arith.extf %v30 : f16 to f32
          %v32 = memref.load %t1[] : memref<f16>
          %v33 = arith.extf %v32 : f16 to f32
          %v34 = arith.mulf %v31, %v33 : f32
          %v35 = arith.truncf %v34 : f32 to f16
          %v36 = arith.extf %v35 : f16 to f32
          %v37 = arith.truncf %v36 : f32 to f16
          memref.store %v37, %t2[%v11, %v28] : memref<3x37xf16>
        }
      }
      gpu.return
    }
  // t = statement 1 of `scale_sum_f16`
    gpu.func @s1(%t3: memref<3xf16> {llvm.align = 16 : i64}, %t2: memref<3x37xf16> {llvm.align = 16 : i64}) kernel attributes {known_block_size = array<i32: 4, 1, 1>} {
      %k4 = arith.constant 0 : index
      %k3 = arith.constant 0x00000000 : f32
      %k0 = arith.constant 1 : index
      %k1 = arith.constant 3 : index
      %k5 = arith.constant 37 : index
      %k6 = arith.constant 4 : index
      %k2 = arith.constant dense<0x00000000> : vector<4xf32>
      %v1 = gpu.global_id x
      %v2 = gpu.global_id y
      %v3 = arith.muli %v1, %k0 : index
      %v4 = arith.minui %v3, %k1 : index
      %v5 = arith.addi %v4, %k0 : index
      %v6 = arith.minui %v5, %k1 : index
      scf.for %v7 = %v4 to %v6 step %k0 {
        %v9 = arith.subi %k5, %k4 : index
        %v10 = arith.divui %v9, %k6 : index
        %v11 = arith.muli %v10, %k6 : index
        %v12 = arith.addi %k4, %v11 : index
        %v14:2 = scf.for %v13 = %k4 to %v12 step %k6 iter_args(%v15 = %k2, %v16 = %k3) -> (vector<4xf32>, f32) {
          %v17 = vector.load %t2[%v7, %v13] : memref<3x37xf16>, vector<4xf16>
          %v18 = arith.extf %v17 : vector<4xf16> to vector<4xf32>
          %v19 = arith.addf %v15, %v18 fastmath<reassoc,contract> : vector<4xf32>
          scf.yield %v19, %v16 : vector<4xf32>, f32
        }
        %v21:2 = scf.for %v20 = %v12 to %k5 step %k0 iter_args(%v22 = %v14#0, %v23 = %v14#1) -> (vector<4xf32>, f32) {
          %v24 = memref.load %t2[%v7, %v20] : memref<3x37xf16>
          %v25 = arith.extf %v24 : f16 to f32
          %v26 = arith.addf %v23, %v25 fastmath<reassoc,contract> : f32
          scf.yield %v22, %v26 : vector<4xf32>, f32
        }
        %v27 = vector.reduction <add>, %v21#0 fastmath<reassoc> : vector<4xf32> into f32
        %v28 = arith.addf %v21#1, %v27 fastmath<reassoc,contract> : f32
        %v29 = arith.truncf %v28 : f32 to f16
        memref.store %v29, %t3[%v7] : memref<3xf16>
      }
      gpu.return
    }
  }
}
