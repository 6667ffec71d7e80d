module attributes {gpu.container_module} {
  gpu.module @kiln {
  // mu = statement 0 of `layernorm`
    gpu.func @s0(%t5: memref<6xf32> {llvm.align = 16 : i64}, %t0: memref<6x40xf32> {llvm.align = 16 : i64}) kernel attributes {known_block_size = array<i32: 8, 1, 1>} {
      %k4 = arith.constant 0 : index
      %k3 = arith.constant 0x00000000 : f32
      %k0 = arith.constant 1 : index
      %k6 = arith.constant 4 : index
      %k8 = arith.constant 40 : i32
      %k5 = arith.constant 40 : index
      %k1 = arith.constant 6 : index
      %k2 = arith.constant dense<0x00000000> : vector<4xf32>
      %k7 = arith.constant dense<40> : vector<4xi32>
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
          %v17 = vector.load %t0[%v7, %v13] : memref<6x40xf32>, vector<4xf32>
          %v18 = arith.sitofp %k7 : vector<4xi32> to vector<4xf32>
          %v19 = arith.divf %v17, %v18 : vector<4xf32>
          %v20 = arith.addf %v15, %v19 fastmath<reassoc,contract> : vector<4xf32>
          scf.yield %v20, %v16 : vector<4xf32>, f32
        }
        %v22:2 = scf.for %v21 = %v12 to %k5 step %k0 iter_args(%v23 = %v14#0, %v24 = %v14#1) -> (vector<4xf32>, f32) {
          %v25 = memref.load %t0[%v7, %v21] : memref<6x40xf32>
          %v26 = arith.sitofp %k8 : i32 to f32
          %v27 = arith.divf %v25, %v26 : f32
          %v28 = arith.addf %v24, %v27 fastmath<reassoc,contract> : f32
          scf.yield %v23, %v28 : vector<4xf32>, f32
        }
        %v29 = vector.reduction <add>, %v22#0 fastmath<reassoc> : vector<4xf32> into f32
        %v30 = arith.addf %v22#1, %v29 fastmath<reassoc,contract> : f32
        memref.store %v30, %t5[%v7] : memref<6xf32>
      }
      gpu.return
    }
  // d = statement 1 of `layernorm`
    gpu.func @s1(%t6: memref<6x40xf32> {llvm.align = 16 : i64}, %t0: memref<6x40xf32> {llvm.align = 16 : i64}, %t5: memref<6xf32> {llvm.align = 16 : i64}) kernel attributes {known_block_size = array<i32: 16, 1, 1>} {
      %k0 = arith.constant 1 : index
      %k1 = arith.constant 10 : index
      %k2 = arith.constant 4 : index
      %k3 = arith.constant 40 : index
      %k4 = arith.constant 6 : index
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
          %v19 = vector.load %t0[%v11, %v17] : memref<6x40xf32>, vector<4xf32>
          %v20 = memref.load %t5[%v11] : memref<6xf32>
          %v21 = vector.broadcast %v20 : f32 to vector<4xf32>
          %v22 = arith.subf %v19, %v21 : vector<4xf32>
          vector.store %v22, %t6[%v11, %v17] : memref<6x40xf32>, vector<4xf32>
        }
        scf.for %v23 = %v16 to %v6 step %k0 {
          %v25 = memref.load %t0[%v11, %v23] : memref<6x40xf32>
          %v26 = memref.load %t5[%v11] : memref<6xf32>
          %v27 = arith.subf %v25, %v26 : f32
          memref.store %v27, %t6[%v11, %v23] : memref<6x40xf32>
        }
      }
      gpu.return
    }
  // var = statement 2 of `layernorm`
    gpu.func @s2(%t7: memref<6xf32> {llvm.align = 16 : i64}, %t6: memref<6x40xf32> {llvm.align = 16 : i64}) kernel attributes {known_block_size = array<i32: 8, 1, 1>} {
      %k4 = arith.constant 0 : index
      %k3 = arith.constant 0x00000000 : f32
      %k0 = arith.constant 1 : index
      %k6 = arith.constant 4 : index
      %k8 = arith.constant 40 : i32
      %k5 = arith.constant 40 : index
      %k1 = arith.constant 6 : index
      %k2 = arith.constant dense<0x00000000> : vector<4xf32>
      %k7 = arith.constant dense<40> : vector<4xi32>
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
          %v17 = vector.load %t6[%v7, %v13] : memref<6x40xf32>, vector<4xf32>
          %v18 = vector.load %t6[%v7, %v13] : memref<6x40xf32>, vector<4xf32>
          %v19 = arith.mulf %v17, %v18 : vector<4xf32>
          %v20 = arith.sitofp %k7 : vector<4xi32> to vector<4xf32>
          %v21 = arith.divf %v19, %v20 : vector<4xf32>
          %v22 = arith.addf %v15, %v21 fastmath<reassoc,contract> : vector<4xf32>
          scf.yield %v22, %v16 : vector<4xf32>, f32
        }
        %v24:2 = scf.for %v23 = %v12 to %k5 step %k0 iter_args(%v25 = %v14#0, %v26 = %v14#1) -> (vector<4xf32>, f32) {
          %v27 = memref.load %t6[%v7, %v23] : memref<6x40xf32>
          %v28 = memref.load %t6[%v7, %v23] : memref<6x40xf32>
          %v29 = arith.mulf %v27, %v28 : f32
          %v30 = arith.sitofp %k8 : i32 to f32
          %v31 = arith.divf %v29, %v30 : f32
          %v32 = arith.addf %v26, %v31 fastmath<reassoc,contract> : f32
          scf.yield %v25, %v32 : vector<4xf32>, f32
        }
        %v33 = vector.reduction <add>, %v24#0 fastmath<reassoc> : vector<4xf32> into f32
        %v34 = arith.addf %v24#1, %v33 fastmath<reassoc,contract> : f32
        memref.store %v34, %t7[%v7] : memref<6xf32>
      }
      gpu.return
    }
  // y = statement 3 of `layernorm`
    gpu.func @s3(%t4: memref<6x40xf32> {llvm.align = 16 : i64}, %t6: memref<6x40xf32> {llvm.align = 16 : i64}, %t7: memref<6xf32> {llvm.align = 16 : i64}, %t3: memref<f32> {llvm.align = 16 : i64}, %t1: memref<40xf32> {llvm.align = 16 : i64}, %t2: memref<40xf32> {llvm.align = 16 : i64}) kernel attributes {known_block_size = array<i32: 16, 1, 1>} {
      %k6 = arith.constant 0x3F800000 : f32
      %k0 = arith.constant 1 : index
      %k1 = arith.constant 10 : index
      %k2 = arith.constant 4 : index
      %k3 = arith.constant 40 : index
      %k4 = arith.constant 6 : index
      %k5 = arith.constant dense<0x3F800000> : vector<4xf32>
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
          %v19 = vector.load %t6[%v11, %v17] : memref<6x40xf32>, vector<4xf32>
          %v20 = memref.load %t7[%v11] : memref<6xf32>
          %v21 = vector.broadcast %v20 : f32 to vector<4xf32>
          %v22 = memref.load %t3[] : memref<f32>
          %v23 = vector.broadcast %v22 : f32 to vector<4xf32>
          %v24 = arith.addf %v21, %v23 : vector<4xf32>
          %v25 = math.sqrt %v24 : vector<4xf32>
          %v26 = arith.divf %k5, %v25 : vector<4xf32>
          %v27 = arith.mulf %v19, %v26 : vector<4xf32>
          %v28 = vector.load %t1[%v17] : memref<40xf32>, vector<4xf32>
          %v29 = arith.mulf %v27, %v28 : vector<4xf32>
          %v30 = vector.load %t2[%v17] : memref<40xf32>, vector<4xf32>
          %v31 = arith.addf %v29, %v30 : vector<4xf32>
          vector.store %v31, %t4[%v11, %v17] : memref<6x40xf32>, vector<4xf32>
        }
        scf.for %v32 = %v16 to %v6 step %k0 {
          %v34 = memref.load %t6[%v11, %v32] : memref<6x40xf32>
          %v35 = memref.load %t7[%v11] : memref<6xf32>
          %v36 = memref.load %t3[] : memref<f32>
          %v37 = arith.addf %v35, %v36 : f32
          %v38 = math.sqrt %v37 : f32
          %v39 = arith.divf %k6, %v38 : f32
          %v40 = arith.mulf %v34, %v39 : f32
          %v41 = memref.load %t1[%v32] : memref<40xf32>
          %v42 = arith.mulf %v40, %v41 : f32
          %v43 = memref.load %t2[%v32] : memref<40xf32>
          %v44 = arith.addf %v42, %v43 : f32
          memref.store %v44, %t4[%v11, %v32] : memref<6x40xf32>
        }
      }
      gpu.return
    }
  }
}
