module {
  // y = statement 0 of `row_sum`
  func.func @s0(%t1: memref<9xf32>, %t0: memref<9x70xf32>, %blo: index, %bhi: index) {
    %k7 = arith.constant 0 : index
    %k6 = arith.constant 0x00000000 : f32
    %k0 = arith.constant 1 : index
    %k10 = arith.constant 16 : index
    %k3 = arith.constant 2 : index
    %k4 = arith.constant 3 : index
    %k9 = arith.constant 32 : index
    %k2 = arith.constant 4 : index
    %k8 = arith.constant 70 : index
    %k1 = arith.constant 9 : index
    %k5 = arith.constant dense<0x00000000> : vector<16xf32>
    scf.for %v1 = %blo to %bhi step %k0 {
      %v3 = arith.muli %v1, %k1 : index
      %v4 = arith.addi %v3, %k1 : index
      %v5 = arith.minui %v4, %k1 : index
      %v6 = arith.subi %v5, %v3 : index
      %v7 = arith.divui %v6, %k2 : index
      %v8 = arith.muli %v7, %k2 : index
      %v9 = arith.addi %v3, %v8 : index
      scf.for %v10 = %v3 to %v9 step %k2 {
        %v12 = arith.addi %v10, %k0 : index
        %v13 = arith.addi %v10, %k3 : index
        %v14 = arith.addi %v10, %k4 : index
        %v15 = arith.subi %k8, %k7 : index
        %v16 = arith.divui %v15, %k9 : index
        %v17 = arith.muli %v16, %k9 : index
        %v18 = arith.addi %k7, %v17 : index
        %v20:12 = scf.for %v19 = %k7 to %v18 step %k9 iter_args(%v21 = %k5, %v22 = %k5, %v23 = %k6, %v24 = %k5, %v25 = %k5, %v26 = %k6, %v27 = %k5, %v28 = %k5, %v29 = %k6, %v30 = %k5, %v31 = %k5, %v32 = %k6) -> (vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32) {
          %v33 = vector.load %t0[%v10, %v19] : memref<9x70xf32>, vector<16xf32>
          %v34 = arith.addf %v21, %v33 fastmath<reassoc,contract> : vector<16xf32>
          %v35 = arith.addi %v19, %k10 : index
          %v36 = vector.load %t0[%v10, %v35] : memref<9x70xf32>, vector<16xf32>
          %v37 = arith.addf %v22, %v36 fastmath<reassoc,contract> : vector<16xf32>
          %v38 = vector.load %t0[%v12, %v19] : memref<9x70xf32>, vector<16xf32>
          %v39 = arith.addf %v24, %v38 fastmath<reassoc,contract> : vector<16xf32>
          %v40 = arith.addi %v19, %k10 : index
          %v41 = vector.load %t0[%v12, %v40] : memref<9x70xf32>, vector<16xf32>
          %v42 = arith.addf %v25, %v41 fastmath<reassoc,contract> : vector<16xf32>
          %v43 = vector.load %t0[%v13, %v19] : memref<9x70xf32>, vector<16xf32>
          %v44 = arith.addf %v27, %v43 fastmath<reassoc,contract> : vector<16xf32>
          %v45 = arith.addi %v19, %k10 : index
          %v46 = vector.load %t0[%v13, %v45] : memref<9x70xf32>, vector<16xf32>
          %v47 = arith.addf %v28, %v46 fastmath<reassoc,contract> : vector<16xf32>
          %v48 = vector.load %t0[%v14, %v19] : memref<9x70xf32>, vector<16xf32>
          %v49 = arith.addf %v30, %v48 fastmath<reassoc,contract> : vector<16xf32>
          %v50 = arith.addi %v19, %k10 : index
          %v51 = vector.load %t0[%v14, %v50] : memref<9x70xf32>, vector<16xf32>
          %v52 = arith.addf %v31, %v51 fastmath<reassoc,contract> : vector<16xf32>
          scf.yield %v34, %v37, %v23, %v39, %v42, %v26, %v44, %v47, %v29, %v49, %v52, %v32 : vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32
        }
        %v54:12 = scf.for %v53 = %v18 to %k8 step %k0 iter_args(%v55 = %v20#0, %v56 = %v20#1, %v57 = %v20#2, %v58 = %v20#3, %v59 = %v20#4, %v60 = %v20#5, %v61 = %v20#6, %v62 = %v20#7, %v63 = %v20#8, %v64 = %v20#9, %v65 = %v20#10, %v66 = %v20#11) -> (vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32) {
          %v67 = memref.load %t0[%v10, %v53] : memref<9x70xf32>
          %v68 = arith.addf %v57, %v67 fastmath<reassoc,contract> : f32
          %v69 = memref.load %t0[%v12, %v53] : memref<9x70xf32>
          %v70 = arith.addf %v60, %v69 fastmath<reassoc,contract> : f32
          %v71 = memref.load %t0[%v13, %v53] : memref<9x70xf32>
          %v72 = arith.addf %v63, %v71 fastmath<reassoc,contract> : f32
          %v73 = memref.load %t0[%v14, %v53] : memref<9x70xf32>
          %v74 = arith.addf %v66, %v73 fastmath<reassoc,contract> : f32
          scf.yield %v55, %v56, %v68, %v58, %v59, %v70, %v61, %v62, %v72, %v64, %v65, %v74 : vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32
        }
        %v75 = arith.addf %v54#0, %v54#1 fastmath<reassoc,contract> : vector<16xf32>
        %v76 = vector.reduction <add>, %v75 fastmath<reassoc> : vector<16xf32> into f32
        %v77 = arith.addf %v54#2, %v76 fastmath<reassoc,contract> : f32
        memref.store %v77, %t1[%v10] : memref<9xf32>
        %v78 = arith.addf %v54#3, %v54#4 fastmath<reassoc,contract> : vector<16xf32>
        %v79 = vector.reduction <add>, %v78 fastmath<reassoc> : vector<16xf32> into f32
        %v80 = arith.addf %v54#5, %v79 fastmath<reassoc,contract> : f32
        memref.store %v80, %t1[%v12] : memref<9xf32>
        %v81 = arith.addf %v54#6, %v54#7 fastmath<reassoc,contract> : vector<16xf32>
        %v82 = vector.reduction <add>, %v81 fastmath<reassoc> : vector<16xf32> into f32
        %v83 = arith.addf %v54#8, %v82 fastmath<reassoc,contract> : f32
        memref.store %v83, %t1[%v13] : memref<9xf32>
        %v84 = arith.addf %v54#9, %v54#10 fastmath<reassoc,contract> : vector<16xf32>
        %v85 = vector.reduction <add>, %v84 fastmath<reassoc> : vector<16xf32> into f32
        %v86 = arith.addf %v54#11, %v85 fastmath<reassoc,contract> : f32
        memref.store %v86, %t1[%v14] : memref<9xf32>
      }
      scf.for %v87 = %v9 to %v5 step %k0 {
        %v89 = arith.subi %k8, %k7 : index
        %v90 = arith.divui %v89, %k9 : index
        %v91 = arith.muli %v90, %k9 : index
        %v92 = arith.addi %k7, %v91 : index
        %v94:3 = scf.for %v93 = %k7 to %v92 step %k9 iter_args(%v95 = %k5, %v96 = %k5, %v97 = %k6) -> (vector<16xf32>, vector<16xf32>, f32) {
          %v98 = vector.load %t0[%v87, %v93] : memref<9x70xf32>, vector<16xf32>
          %v99 = arith.addf %v95, %v98 fastmath<reassoc,contract> : vector<16xf32>
          %v100 = arith.addi %v93, %k10 : index
          %v101 = vector.load %t0[%v87, %v100] : memref<9x70xf32>, vector<16xf32>
          %v102 = arith.addf %v96, %v101 fastmath<reassoc,contract> : vector<16xf32>
          scf.yield %v99, %v102, %v97 : vector<16xf32>, vector<16xf32>, f32
        }
        %v104:3 = scf.for %v103 = %v92 to %k8 step %k0 iter_args(%v105 = %v94#0, %v106 = %v94#1, %v107 = %v94#2) -> (vector<16xf32>, vector<16xf32>, f32) {
          %v108 = memref.load %t0[%v87, %v103] : memref<9x70xf32>
          %v109 = arith.addf %v107, %v108 fastmath<reassoc,contract> : f32
          scf.yield %v105, %v106, %v109 : vector<16xf32>, vector<16xf32>, f32
        }
        %v110 = arith.addf %v104#0, %v104#1 fastmath<reassoc,contract> : vector<16xf32>
        %v111 = vector.reduction <add>, %v110 fastmath<reassoc> : vector<16xf32> into f32
        %v112 = arith.addf %v104#2, %v111 fastmath<reassoc,contract> : f32
        memref.store %v112, %t1[%v87] : memref<9xf32>
      }
    }
    return
  }
}
