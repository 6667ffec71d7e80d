module attributes {gpu.container_module} {
  gpu.module @kiln {
  // m = statement 0 of `softmax`
    gpu.func @s0(%t2: memref<5xf32> {llvm.align = 16 : i64}, %t0: memref<5x33xf32> {llvm.align = 16 : i64}) kernel attributes {known_block_size = array<i32: 8, 1, 1>} {
      %k4 = arith.constant 0 : index
      %k3 = arith.constant 0xFF800000 : f32
      %k0 = arith.constant 1 : index
      %k5 = arith.constant 33 : index
      %k6 = arith.constant 4 : index
      %k1 = arith.constant 5 : index
      %k2 = arith.constant dense<0xFF800000> : vector<4xf32>
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
          %v17 = vector.load %t0[%v7, %v13] : memref<5x33xf32>, vector<4xf32>
          %v18 = arith.maximumf %v15, %v17 : vector<4xf32>
          scf.yield %v18, %v16 : vector<4xf32>, f32
        }
        %v20:2 = scf.for %v19 = %v12 to %k5 step %k0 iter_args(%v21 = %v14#0, %v22 = %v14#1) -> (vector<4xf32>, f32) {
          %v23 = memref.load %t0[%v7, %v19] : memref<5x33xf32>
          %v24 = arith.maximumf %v22, %v23 : f32
          scf.yield %v21, %v24 : vector<4xf32>, f32
        }
        %v25 = vector.reduction <maximumf>, %v20#0 fastmath<reassoc> : vector<4xf32> into f32
        %v26 = arith.maximumf %v20#1, %v25 : f32
        memref.store %v26, %t2[%v7] : memref<5xf32>
      }
      gpu.return
    }
  // e = statement 1 of `softmax`
    gpu.func @s1(%t3: memref<5x33xf32> {llvm.align = 16 : i64}, %t0: memref<5x33xf32> {llvm.align = 16 : i64}, %t2: memref<5xf32> {llvm.align = 16 : i64}) kernel attributes {known_block_size = array<i32: 16, 1, 1>} {
      %k27 = arith.constant 0x39506967 : f32
      %k26 = arith.constant 0x395E8083 : f32
      %k28 = arith.constant 0x3AB743CE : f32
      %k29 = arith.constant 0x3C088908 : f32
      %k30 = arith.constant 0x3D2AA9C1 : f32
      %k31 = arith.constant 0x3E2AAAAA : f32
      %k32 = arith.constant 0x3F000000 : f32
      %k33 = arith.constant 0x3F800000 : f32
      %k23 = arith.constant 0x3FB8AA3B : f32
      %k36 = arith.constant 0x40000000 : f32
      %k21 = arith.constant 0x42B1CCCD : f32
      %k24 = arith.constant 0x4B400000 : f32
      %k25 = arith.constant 0xBF318000 : f32
      %k22 = arith.constant 0xC2AEAC50 : f32
      %k0 = arith.constant 1 : index
      %k34 = arith.constant 126 : i32
      %k35 = arith.constant 23 : i32
      %k3 = arith.constant 33 : index
      %k2 = arith.constant 4 : index
      %k4 = arith.constant 5 : index
      %k1 = arith.constant 9 : index
      %k11 = arith.constant dense<0x39506967> : vector<4xf32>
      %k10 = arith.constant dense<0x395E8083> : vector<4xf32>
      %k12 = arith.constant dense<0x3AB743CE> : vector<4xf32>
      %k13 = arith.constant dense<0x3C088908> : vector<4xf32>
      %k14 = arith.constant dense<0x3D2AA9C1> : vector<4xf32>
      %k15 = arith.constant dense<0x3E2AAAAA> : vector<4xf32>
      %k16 = arith.constant dense<0x3F000000> : vector<4xf32>
      %k17 = arith.constant dense<0x3F800000> : vector<4xf32>
      %k7 = arith.constant dense<0x3FB8AA3B> : vector<4xf32>
      %k20 = arith.constant dense<0x40000000> : vector<4xf32>
      %k5 = arith.constant dense<0x42B1CCCD> : vector<4xf32>
      %k8 = arith.constant dense<0x4B400000> : vector<4xf32>
      %k9 = arith.constant dense<0xBF318000> : vector<4xf32>
      %k6 = arith.constant dense<0xC2AEAC50> : vector<4xf32>
      %k18 = arith.constant dense<126> : vector<4xi32>
      %k19 = arith.constant dense<23> : vector<4xi32>
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
          %v19 = vector.load %t0[%v11, %v17] : memref<5x33xf32>, vector<4xf32>
          %v20 = memref.load %t2[%v11] : memref<5xf32>
          %v21 = vector.broadcast %v20 : f32 to vector<4xf32>
          %v22 = arith.subf %v19, %v21 : vector<4xf32>
          %v23 = arith.cmpf ogt, %v22, %k5 : vector<4xf32>
          %v24 = arith.select %v23, %k5, %v22 : vector<4xi1>, vector<4xf32>
          %v25 = arith.cmpf olt, %v24, %k6 : vector<4xf32>
          %v26 = arith.select %v25, %k6, %v24 : vector<4xi1>, vector<4xf32>
          %v27 = math.fma %v26, %k7, %k8 : vector<4xf32>
          %v28 = arith.subf %v27, %k8 : vector<4xf32>
          %v29 = math.fma %v28, %k9, %v26 : vector<4xf32>
          %v30 = math.fma %v28, %k10, %v29 : vector<4xf32>
          %v31 = math.fma %k11, %v30, %k12 : vector<4xf32>
          %v32 = math.fma %v31, %v30, %k13 : vector<4xf32>
          %v33 = math.fma %v32, %v30, %k14 : vector<4xf32>
          %v34 = math.fma %v33, %v30, %k15 : vector<4xf32>
          %v35 = math.fma %v34, %v30, %k16 : vector<4xf32>
          %v36 = arith.mulf %v30, %v30 : vector<4xf32>
          %v37 = math.fma %v35, %v36, %v30 : vector<4xf32>
          %v38 = arith.addf %v37, %k17 : vector<4xf32>
          %v39 = arith.bitcast %v27 : vector<4xf32> to vector<4xi32>
          %v40 = arith.addi %v39, %k18 : vector<4xi32>
          %v41 = arith.shli %v40, %k19 : vector<4xi32>
          %v42 = arith.bitcast %v41 : vector<4xi32> to vector<4xf32>
          %v43 = arith.mulf %v38, %v42 : vector<4xf32>
          %v44 = arith.mulf %v43, %k20 : vector<4xf32>
          vector.store %v44, %t3[%v11, %v17] : memref<5x33xf32>, vector<4xf32>
        }
        scf.for %v45 = %v16 to %v6 step %k0 {
          %v47 = memref.load %t0[%v11, %v45] : memref<5x33xf32>
          %v48 = memref.load %t2[%v11] : memref<5xf32>
          %v49 = arith.subf %v47, %v48 : f32
          %v50 = arith.cmpf ogt, %v49, %k21 : f32
          %v51 = arith.select %v50, %k21, %v49 : i1, f32
          %v52 = arith.cmpf olt, %v51, %k22 : f32
          %v53 = arith.select %v52, %k22, %v51 : i1, f32
          %v54 = math.fma %v53, %k23, %k24 : f32
          %v55 = arith.subf %v54, %k24 : f32
          %v56 = math.fma %v55, %k25, %v53 : f32
          %v57 = math.fma %v55, %k26, %v56 : f32
          %v58 = math.fma %k27, %v57, %k28 : f32
          %v59 = math.fma %v58, %v57, %k29 : f32
          %v60 = math.fma %v59, %v57, %k30 : f32
          %v61 = math.fma %v60, %v57, %k31 : f32
          %v62 = math.fma %v61, %v57, %k32 : f32
          %v63 = arith.mulf %v57, %v57 : f32
          %v64 = math.fma %v62, %v63, %v57 : f32
          %v65 = arith.addf %v64, %k33 : f32
          %v66 = arith.bitcast %v54 : f32 to i32
          %v67 = arith.addi %v66, %k34 : i32
          %v68 = arith.shli %v67, %k35 : i32
          %v69 = arith.bitcast %v68 : i32 to f32
          %v70 = arith.mulf %v65, %v69 : f32
          %v71 = arith.mulf %v70, %k36 : f32
          memref.store %v71, %t3[%v11, %v45] : memref<5x33xf32>
        }
      }
      gpu.return
    }
  // s = statement 2 of `softmax`
    gpu.func @s2(%t4: memref<5xf32> {llvm.align = 16 : i64}, %t3: memref<5x33xf32> {llvm.align = 16 : i64}) kernel attributes {known_block_size = array<i32: 8, 1, 1>} {
      %k4 = arith.constant 0 : index
      %k3 = arith.constant 0x00000000 : f32
      %k0 = arith.constant 1 : index
      %k5 = arith.constant 33 : index
      %k6 = arith.constant 4 : index
      %k1 = arith.constant 5 : index
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
          %v17 = vector.load %t3[%v7, %v13] : memref<5x33xf32>, vector<4xf32>
          %v18 = arith.addf %v15, %v17 fastmath<reassoc,contract> : vector<4xf32>
          scf.yield %v18, %v16 : vector<4xf32>, f32
        }
        %v20:2 = scf.for %v19 = %v12 to %k5 step %k0 iter_args(%v21 = %v14#0, %v22 = %v14#1) -> (vector<4xf32>, f32) {
          %v23 = memref.load %t3[%v7, %v19] : memref<5x33xf32>
          %v24 = arith.addf %v22, %v23 fastmath<reassoc,contract> : f32
          scf.yield %v21, %v24 : vector<4xf32>, f32
        }
        %v25 = vector.reduction <add>, %v20#0 fastmath<reassoc> : vector<4xf32> into f32
        %v26 = arith.addf %v20#1, %v25 fastmath<reassoc,contract> : f32
        memref.store %v26, %t4[%v7] : memref<5xf32>
      }
      gpu.return
    }
  // y = statement 3 of `softmax`
    gpu.func @s3(%t1: memref<5x33xf32> {llvm.align = 16 : i64}, %t3: memref<5x33xf32> {llvm.align = 16 : i64}, %t4: memref<5xf32> {llvm.align = 16 : i64}) kernel attributes {known_block_size = array<i32: 16, 1, 1>} {
      %k0 = arith.constant 1 : index
      %k3 = arith.constant 33 : index
      %k2 = arith.constant 4 : index
      %k4 = arith.constant 5 : index
      %k1 = arith.constant 9 : index
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
          %v19 = vector.load %t3[%v11, %v17] : memref<5x33xf32>, vector<4xf32>
          %v20 = memref.load %t4[%v11] : memref<5xf32>
          %v21 = vector.broadcast %v20 : f32 to vector<4xf32>
          %v22 = arith.divf %v19, %v21 : vector<4xf32>
          vector.store %v22, %t1[%v11, %v17] : memref<5x33xf32>, vector<4xf32>
        }
        scf.for %v23 = %v16 to %v6 step %k0 {
          %v25 = memref.load %t3[%v11, %v23] : memref<5x33xf32>
          %v26 = memref.load %t4[%v11] : memref<5xf32>
          %v27 = arith.divf %v25, %v26 : f32
          memref.store %v27, %t1[%v11, %v23] : memref<5x33xf32>
        }
      }
      gpu.return
    }
  }
}
