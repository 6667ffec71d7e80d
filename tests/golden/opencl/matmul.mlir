module attributes {gpu.container_module} {
  gpu.module @kiln {
  // c = statement 0 of `matmul`
    gpu.func @s0(%t2: memref<37x45xf32>, %t0: memref<37x29xf32>, %t1: memref<29x45xf32>) kernel attributes {known_block_size = array<i32: 16, 1, 1>} {
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
            %v35 = arith.mulf %v33, %v34 fastmath<reassoc,contract> : vector<4xf32>
            %v36 = arith.addf %v28, %v35 fastmath<reassoc,contract> : vector<4xf32>
            %v37 = memref.load %t0[%v23, %v26] : memref<37x29xf32>
            %v38 = vector.broadcast %v37 : f32 to vector<4xf32>
            %v39 = vector.load %t1[%v26, %v21] : memref<29x45xf32>, vector<4xf32>
            %v40 = arith.mulf %v38, %v39 fastmath<reassoc,contract> : vector<4xf32>
            %v41 = arith.addf %v29, %v40 fastmath<reassoc,contract> : vector<4xf32>
            %v42 = memref.load %t0[%v24, %v26] : memref<37x29xf32>
            %v43 = vector.broadcast %v42 : f32 to vector<4xf32>
            %v44 = vector.load %t1[%v26, %v21] : memref<29x45xf32>, vector<4xf32>
            %v45 = arith.mulf %v43, %v44 fastmath<reassoc,contract> : vector<4xf32>
            %v46 = arith.addf %v30, %v45 fastmath<reassoc,contract> : vector<4xf32>
            %v47 = memref.load %t0[%v25, %v26] : memref<37x29xf32>
            %v48 = vector.broadcast %v47 : f32 to vector<4xf32>
            %v49 = vector.load %t1[%v26, %v21] : memref<29x45xf32>, vector<4xf32>
            %v50 = arith.mulf %v48, %v49 fastmath<reassoc,contract> : vector<4xf32>
            %v51 = arith.addf %v31, %v50 fastmath<reassoc,contract> : vector<4xf32>
            scf.yield %v36, %v41, %v46, %v51 : vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>
          }
          vector.store %v27#0, %t2[%v15, %v21] : memref<37x45xf32>, vector<4xf32>
          vector.store %v27#1, %t2[%v23, %v21] : memref<37x45xf32>, vector<4xf32>
          vector.store %v27#2, %t2[%v24, %v21] : memref<37x45xf32>, vector<4xf32>
          vector.store %v27#3, %t2[%v25, %v21] : memref<37x45xf32>, vector<4xf32>
        }
        scf.for %v52 = %v20 to %v6 step %k0 {
          %v54 = arith.addi %v15, %k0 : index
          %v55 = arith.addi %v15, %k6 : index
          %v56 = arith.addi %v15, %k7 : index
          %v58:4 = scf.for %v57 = %k9 to %k10 step %k0 iter_args(%v59 = %k11, %v60 = %k11, %v61 = %k11, %v62 = %k11) -> (f32, f32, f32, f32) {
            %v63 = memref.load %t0[%v15, %v57] : memref<37x29xf32>
            %v64 = memref.load %t1[%v57, %v52] : memref<29x45xf32>
            %v65 = arith.mulf %v63, %v64 fastmath<reassoc,contract> : f32
            %v66 = arith.addf %v59, %v65 fastmath<reassoc,contract> : f32
            %v67 = memref.load %t0[%v54, %v57] : memref<37x29xf32>
            %v68 = memref.load %t1[%v57, %v52] : memref<29x45xf32>
            %v69 = arith.mulf %v67, %v68 fastmath<reassoc,contract> : f32
            %v70 = arith.addf %v60, %v69 fastmath<reassoc,contract> : f32
            %v71 = memref.load %t0[%v55, %v57] : memref<37x29xf32>
            %v72 = memref.load %t1[%v57, %v52] : memref<29x45xf32>
            %v73 = arith.mulf %v71, %v72 fastmath<reassoc,contract> : f32
            %v74 = arith.addf %v61, %v73 fastmath<reassoc,contract> : f32
            %v75 = memref.load %t0[%v56, %v57] : memref<37x29xf32>
            %v76 = memref.load %t1[%v57, %v52] : memref<29x45xf32>
            %v77 = arith.mulf %v75, %v76 fastmath<reassoc,contract> : f32
            %v78 = arith.addf %v62, %v77 fastmath<reassoc,contract> : f32
            scf.yield %v66, %v70, %v74, %v78 : f32, f32, f32, f32
          }
          memref.store %v58#0, %t2[%v15, %v52] : memref<37x45xf32>
          memref.store %v58#1, %t2[%v54, %v52] : memref<37x45xf32>
          memref.store %v58#2, %t2[%v55, %v52] : memref<37x45xf32>
          memref.store %v58#3, %t2[%v56, %v52] : memref<37x45xf32>
        }
      }
      scf.for %v79 = %v14 to %v10 step %k0 {
        %v81 = arith.subi %v6, %v4 : index
        %v82 = arith.divui %v81, %k2 : index
        %v83 = arith.muli %v82, %k2 : index
        %v84 = arith.addi %v4, %v83 : index
        scf.for %v85 = %v4 to %v84 step %k2 {
          %v88:1 = scf.for %v87 = %k9 to %k10 step %k0 iter_args(%v89 = %k8) -> (vector<4xf32>) {
            %v90 = memref.load %t0[%v79, %v87] : memref<37x29xf32>
            %v91 = vector.broadcast %v90 : f32 to vector<4xf32>
            %v92 = vector.load %t1[%v87, %v85] : memref<29x45xf32>, vector<4xf32>
            %v93 = arith.mulf %v91, %v92 fastmath<reassoc,contract> : vector<4xf32>
            %v94 = arith.addf %v89, %v93 fastmath<reassoc,contract> : vector<4xf32>
            scf.yield %v94 : vector<4xf32>
          }
          vector.store %v88#0, %t2[%v79, %v85] : memref<37x45xf32>, vector<4xf32>
        }
        scf.for %v95 = %v84 to %v6 step %k0 {
          %v98:1 = scf.for %v97 = %k9 to %k10 step %k0 iter_args(%v99 = %k11) -> (f32) {
            %v100 = memref.load %t0[%v79, %v97] : memref<37x29xf32>
            %v101 = memref.load %t1[%v97, %v95] : memref<29x45xf32>
            %v102 = arith.mulf %v100, %v101 fastmath<reassoc,contract> : f32
            %v103 = arith.addf %v99, %v102 fastmath<reassoc,contract> : f32
            scf.yield %v103 : f32
          }
          memref.store %v98#0, %t2[%v79, %v95] : memref<37x45xf32>
        }
      }
      gpu.return
    }
  }
}
