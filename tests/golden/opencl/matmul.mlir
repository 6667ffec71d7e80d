module attributes {gpu.container_module} {
  gpu.module @kiln {
  // c = statement 0 of `matmul`
    gpu.func @s0(%t2: memref<37x45xf32> {llvm.align = 16 : i64}, %t0: memref<37x29xf32> {llvm.align = 16 : i64}, %t1: memref<29x45xf32> {llvm.align = 16 : i64}) kernel attributes {known_block_size = array<i32: 16, 1, 1>} {
      %k9 = arith.constant 0 : index
      %k11 = arith.constant 0x00000000 : f32
      %k0 = arith.constant 1 : index
      %k4 = arith.constant 10 : index
      %k1 = arith.constant 12 : index
      %k6 = arith.constant 2 : index
      %k10 = arith.constant 29 : index
      %k7 = arith.constant 3 : index
      %k5 = arith.constant 37 : index
      %k2 = arith.constant 4 : index
      %k3 = arith.constant 45 : index
      %k8 = arith.constant dense<0x00000000> : vector<4xf32>
      %v1 = gpu.global_id x
      %v2 = gpu.global_id y
      %v3 = arith.muli %v1, %k2 : index
      %v4 = arith.minui %v3, %k3 : index
      %v5 = arith.addi %v4, %k2 : index
      %v6 = arith.minui %v5, %k3 : index
      %v7 = arith.muli %v2, %k2 : index
      %v8 = arith.minui %v7, %k5 : index
      %v9 = arith.addi %v8, %k2 : index
      %v10 = arith.minui %v9, %k5 : index
      %v11 = arith.subi %v10, %v8 : index
      %v12 = arith.divui %v11, %k2 : index
      %v13 = arith.muli %v12, %k2 : index
      %v14 = arith.addi %v8, %v13 : index
      scf.for %v15 = %v8 to %v14 step %k2 {
        %v17 = arith.subi %v6, %v4 : index
        %v18 = arith.divui %v17, %k2 : index
        %v19 = arith.muli %v18, %k2 : index
        %v20 = arith.addi %v4, %v19 : index
        scf.for %v21 = %v4 to %v20 step %k2 {
          %v23 = arith.addi %v15, %k0 : index
          %v24 = arith.addi %v15, %k6 : index
          %v25 = arith.addi %v15, %k7 : index
          %v27:4 = scf.for %v26 = %k9 to %k10 step %k0 iter_args(%v28 = %k8, %v29 = %k8, %v30 = %k8, %v31 = %k8) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>) {
            %v32 = memref.load %t0[%v15, %v26] : memref<37x29xf32>
            %v33 = vector.broadcast %v32 : f32 to vector<4xf32>
            %v34 = vector.load %t1[%v26, %v21] : memref<29x45xf32>, vector<4xf32>
            %v35 = math.fma %v33, %v34, %v28 : vector<4xf32>
            %v36 = memref.load %t0[%v23, %v26] : memref<37x29xf32>
            %v37 = vector.broadcast %v36 : f32 to vector<4xf32>
            %v38 = vector.load %t1[%v26, %v21] : memref<29x45xf32>, vector<4xf32>
            %v39 = math.fma %v37, %v38, %v29 : vector<4xf32>
            %v40 = memref.load %t0[%v24, %v26] : memref<37x29xf32>
            %v41 = vector.broadcast %v40 : f32 to vector<4xf32>
            %v42 = vector.load %t1[%v26, %v21] : memref<29x45xf32>, vector<4xf32>
            %v43 = math.fma %v41, %v42, %v30 : vector<4xf32>
            %v44 = memref.load %t0[%v25, %v26] : memref<37x29xf32>
            %v45 = vector.broadcast %v44 : f32 to vector<4xf32>
            %v46 = vector.load %t1[%v26, %v21] : memref<29x45xf32>, vector<4xf32>
            %v47 = math.fma %v45, %v46, %v31 : vector<4xf32>
            scf.yield %v35, %v39, %v43, %v47 : vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>
          }
          vector.store %v27#0, %t2[%v15, %v21] : memref<37x45xf32>, vector<4xf32>
          vector.store %v27#1, %t2[%v23, %v21] : memref<37x45xf32>, vector<4xf32>
          vector.store %v27#2, %t2[%v24, %v21] : memref<37x45xf32>, vector<4xf32>
          vector.store %v27#3, %t2[%v25, %v21] : memref<37x45xf32>, vector<4xf32>
        }
        scf.for %v48 = %v20 to %v6 step %k0 {
          %v50 = arith.addi %v15, %k0 : index
          %v51 = arith.addi %v15, %k6 : index
          %v52 = arith.addi %v15, %k7 : index
          %v54:4 = scf.for %v53 = %k9 to %k10 step %k0 iter_args(%v55 = %k11, %v56 = %k11, %v57 = %k11, %v58 = %k11) -> (f32, f32, f32, f32) {
            %v59 = memref.load %t0[%v15, %v53] : memref<37x29xf32>
            %v60 = memref.load %t1[%v53, %v48] : memref<29x45xf32>
            %v61 = math.fma %v59, %v60, %v55 : f32
            %v62 = memref.load %t0[%v50, %v53] : memref<37x29xf32>
            %v63 = memref.load %t1[%v53, %v48] : memref<29x45xf32>
            %v64 = math.fma %v62, %v63, %v56 : f32
            %v65 = memref.load %t0[%v51, %v53] : memref<37x29xf32>
            %v66 = memref.load %t1[%v53, %v48] : memref<29x45xf32>
            %v67 = math.fma %v65, %v66, %v57 : f32
            %v68 = memref.load %t0[%v52, %v53] : memref<37x29xf32>
            %v69 = memref.load %t1[%v53, %v48] : memref<29x45xf32>
            %v70 = math.fma %v68, %v69, %v58 : f32
            scf.yield %v61, %v64, %v67, %v70 : f32, f32, f32, f32
          }
          memref.store %v54#0, %t2[%v15, %v48] : memref<37x45xf32>
          memref.store %v54#1, %t2[%v50, %v48] : memref<37x45xf32>
          memref.store %v54#2, %t2[%v51, %v48] : memref<37x45xf32>
          memref.store %v54#3, %t2[%v52, %v48] : memref<37x45xf32>
        }
      }
      scf.for %v71 = %v14 to %v10 step %k0 {
        %v73 = arith.subi %v6, %v4 : index
        %v74 = arith.divui %v73, %k2 : index
        %v75 = arith.muli %v74, %k2 : index
        %v76 = arith.addi %v4, %v75 : index
        scf.for %v77 = %v4 to %v76 step %k2 {
          %v80:1 = scf.for %v79 = %k9 to %k10 step %k0 iter_args(%v81 = %k8) -> (vector<4xf32>) {
            %v82 = memref.load %t0[%v71, %v79] : memref<37x29xf32>
            %v83 = vector.broadcast %v82 : f32 to vector<4xf32>
            %v84 = vector.load %t1[%v79, %v77] : memref<29x45xf32>, vector<4xf32>
            %v85 = math.fma %v83, %v84, %v81 : vector<4xf32>
            scf.yield %v85 : vector<4xf32>
          }
          vector.store %v80#0, %t2[%v71, %v77] : memref<37x45xf32>, vector<4xf32>
        }
        scf.for %v86 = %v76 to %v6 step %k0 {
          %v89:1 = scf.for %v88 = %k9 to %k10 step %k0 iter_args(%v90 = %k11) -> (f32) {
            %v91 = memref.load %t0[%v71, %v88] : memref<37x29xf32>
            %v92 = memref.load %t1[%v88, %v86] : memref<29x45xf32>
            %v93 = math.fma %v91, %v92, %v90 : f32
            scf.yield %v93 : f32
          }
          memref.store %v89#0, %t2[%v71, %v86] : memref<37x45xf32>
        }
      }
      gpu.return
    }
  }
}
