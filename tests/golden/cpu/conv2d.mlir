module {
  // y = statement 0 of `conv2d`
  func.func @s0(%t2: memref<1x2x4x6xf32>, %t0: memref<1x3x6x7xf32>, %t1: memref<2x3x3x2xf32>, %blo: index, %bhi: index) {
    %k6 = arith.constant 0 : index
    %k5 = arith.constant 0x00000000 : f32
    %k0 = arith.constant 1 : index
    %k3 = arith.constant 2 : index
    %k4 = arith.constant 3 : index
    %k2 = arith.constant 4 : index
    %k1 = arith.constant 6 : index
    scf.for %v1 = %blo to %bhi step %k0 {
      %v3 = arith.remui %v1, %k0 : index
      %v4 = arith.divui %v1, %k0 : index
      %v5 = arith.muli %v3, %k1 : index
      %v6 = arith.addi %v5, %k1 : index
      %v7 = arith.minui %v6, %k1 : index
      %v8 = arith.remui %v4, %k0 : index
      %v9 = arith.divui %v4, %k0 : index
      %v10 = arith.muli %v8, %k2 : index
      %v11 = arith.addi %v10, %k2 : index
      %v12 = arith.minui %v11, %k2 : index
      %v13 = arith.remui %v9, %k3 : index
      %v14 = arith.divui %v9, %k3 : index
      %v15 = arith.muli %v13, %k0 : index
      %v16 = arith.addi %v15, %k0 : index
      %v17 = arith.minui %v16, %k3 : index
      %v18 = arith.muli %v14, %k0 : index
      %v19 = arith.addi %v18, %k0 : index
      %v20 = arith.minui %v19, %k0 : index
      scf.for %v21 = %v18 to %v20 step %k0 {
        scf.for %v23 = %v15 to %v17 step %k0 {
          %v25 = arith.subi %v12, %v10 : index
          %v26 = arith.divui %v25, %k2 : index
          %v27 = arith.muli %v26, %k2 : index
          %v28 = arith.addi %v10, %v27 : index
          scf.for %v29 = %v10 to %v28 step %k2 {
            %v31 = arith.addi %v29, %k0 : index
            %v32 = arith.addi %v29, %k3 : index
            %v33 = arith.addi %v29, %k4 : index
            scf.for %v34 = %v5 to %v7 step %k0 {
              %v37:4 = scf.for %v36 = %k6 to %k4 step %k0 iter_args(%v38 = %k5, %v39 = %k5, %v40 = %k5, %v41 = %k5) -> (f32, f32, f32, f32) {
                %v43:4 = scf.for %v42 = %k6 to %k4 step %k0 iter_args(%v44 = %v38, %v45 = %v39, %v46 = %v40, %v47 = %v41) -> (f32, f32, f32, f32) {
                  %v49:4 = scf.for %v48 = %k6 to %k3 step %k0 iter_args(%v50 = %v44, %v51 = %v45, %v52 = %v46, %v53 = %v47) -> (f32, f32, f32, f32) {
                    %v54 = arith.addi %v29, %v42 : index
                    %v55 = arith.addi %v34, %v48 : index
                    %v56 = memref.load %t0[%v21, %v36, %v54, %v55] : memref<1x3x6x7xf32>
                    %v57 = memref.load %t1[%v23, %v36, %v42, %v48] : memref<2x3x3x2xf32>
                    %v58 = arith.mulf %v56, %v57 fastmath<contract> : f32
                    %v59 = arith.addf %v50, %v58 fastmath<reassoc,contract> : f32
                    %v60 = arith.addi %v31, %v42 : index
                    %v61 = arith.addi %v34, %v48 : index
                    %v62 = memref.load %t0[%v21, %v36, %v60, %v61] : memref<1x3x6x7xf32>
                    %v63 = memref.load %t1[%v23, %v36, %v42, %v48] : memref<2x3x3x2xf32>
                    %v64 = arith.mulf %v62, %v63 fastmath<contract> : f32
                    %v65 = arith.addf %v51, %v64 fastmath<reassoc,contract> : f32
                    %v66 = arith.addi %v32, %v42 : index
                    %v67 = arith.addi %v34, %v48 : index
                    %v68 = memref.load %t0[%v21, %v36, %v66, %v67] : memref<1x3x6x7xf32>
                    %v69 = memref.load %t1[%v23, %v36, %v42, %v48] : memref<2x3x3x2xf32>
                    %v70 = arith.mulf %v68, %v69 fastmath<contract> : f32
                    %v71 = arith.addf %v52, %v70 fastmath<reassoc,contract> : f32
                    %v72 = arith.addi %v33, %v42 : index
                    %v73 = arith.addi %v34, %v48 : index
                    %v74 = memref.load %t0[%v21, %v36, %v72, %v73] : memref<1x3x6x7xf32>
                    %v75 = memref.load %t1[%v23, %v36, %v42, %v48] : memref<2x3x3x2xf32>
                    %v76 = arith.mulf %v74, %v75 fastmath<contract> : f32
                    %v77 = arith.addf %v53, %v76 fastmath<reassoc,contract> : f32
                    scf.yield %v59, %v65, %v71, %v77 : f32, f32, f32, f32
                  }
                  scf.yield %v49#0, %v49#1, %v49#2, %v49#3 : f32, f32, f32, f32
                }
                scf.yield %v43#0, %v43#1, %v43#2, %v43#3 : f32, f32, f32, f32
              }
              memref.store %v37#0, %t2[%v21, %v23, %v29, %v34] : memref<1x2x4x6xf32>
              memref.store %v37#1, %t2[%v21, %v23, %v31, %v34] : memref<1x2x4x6xf32>
              memref.store %v37#2, %t2[%v21, %v23, %v32, %v34] : memref<1x2x4x6xf32>
              memref.store %v37#3, %t2[%v21, %v23, %v33, %v34] : memref<1x2x4x6xf32>
            }
          }
          scf.for %v78 = %v28 to %v12 step %k0 {
            scf.for %v80 = %v5 to %v7 step %k0 {
              %v83:1 = scf.for %v82 = %k6 to %k4 step %k0 iter_args(%v84 = %k5) -> (f32) {
                %v86:1 = scf.for %v85 = %k6 to %k4 step %k0 iter_args(%v87 = %v84) -> (f32) {
                  %v89:1 = scf.for %v88 = %k6 to %k3 step %k0 iter_args(%v90 = %v87) -> (f32) {
                    %v91 = arith.addi %v78, %v85 : index
                    %v92 = arith.addi %v80, %v88 : index
                    %v93 = memref.load %t0[%v21, %v82, %v91, %v92] : memref<1x3x6x7xf32>
                    %v94 = memref.load %t1[%v23, %v82, %v85, %v88] : memref<2x3x3x2xf32>
                    %v95 = arith.mulf %v93, %v94 fastmath<contract> : f32
                    %v96 = arith.addf %v90, %v95 fastmath<reassoc,contract> : f32
                    scf.yield %v96 : f32
                  }
                  scf.yield %v89#0 : f32
                }
                scf.yield %v86#0 : f32
              }
              memref.store %v83#0, %t2[%v21, %v23, %v78, %v80] : memref<1x2x4x6xf32>
            }
          }
        }
      }
    }
    return
  }
}
