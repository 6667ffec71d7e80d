module {
  // m = statement 0 of `softmax`
  func.func @s0(%t2: memref<5xf32>, %t0: memref<5x33xf32>, %blo: index, %bhi: index) {
    %k7 = arith.constant 0 : index
    %k6 = arith.constant 0xFF800000 : f32
    %k0 = arith.constant 1 : index
    %k10 = arith.constant 16 : index
    %k3 = arith.constant 2 : index
    %k4 = arith.constant 3 : index
    %k9 = arith.constant 32 : index
    %k8 = arith.constant 33 : index
    %k2 = arith.constant 4 : index
    %k1 = arith.constant 5 : index
    %k5 = arith.constant dense<0xFF800000> : vector<16xf32>
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
          %v33 = vector.load %t0[%v10, %v19] : memref<5x33xf32>, vector<16xf32>
          %v34 = arith.maximumf %v21, %v33 : vector<16xf32>
          %v35 = arith.addi %v19, %k10 : index
          %v36 = vector.load %t0[%v10, %v35] : memref<5x33xf32>, vector<16xf32>
          %v37 = arith.maximumf %v22, %v36 : vector<16xf32>
          %v38 = vector.load %t0[%v12, %v19] : memref<5x33xf32>, vector<16xf32>
          %v39 = arith.maximumf %v24, %v38 : vector<16xf32>
          %v40 = arith.addi %v19, %k10 : index
          %v41 = vector.load %t0[%v12, %v40] : memref<5x33xf32>, vector<16xf32>
          %v42 = arith.maximumf %v25, %v41 : vector<16xf32>
          %v43 = vector.load %t0[%v13, %v19] : memref<5x33xf32>, vector<16xf32>
          %v44 = arith.maximumf %v27, %v43 : vector<16xf32>
          %v45 = arith.addi %v19, %k10 : index
          %v46 = vector.load %t0[%v13, %v45] : memref<5x33xf32>, vector<16xf32>
          %v47 = arith.maximumf %v28, %v46 : vector<16xf32>
          %v48 = vector.load %t0[%v14, %v19] : memref<5x33xf32>, vector<16xf32>
          %v49 = arith.maximumf %v30, %v48 : vector<16xf32>
          %v50 = arith.addi %v19, %k10 : index
          %v51 = vector.load %t0[%v14, %v50] : memref<5x33xf32>, vector<16xf32>
          %v52 = arith.maximumf %v31, %v51 : vector<16xf32>
          scf.yield %v34, %v37, %v23, %v39, %v42, %v26, %v44, %v47, %v29, %v49, %v52, %v32 : vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32
        }
        %v54:12 = scf.for %v53 = %v18 to %k8 step %k0 iter_args(%v55 = %v20#0, %v56 = %v20#1, %v57 = %v20#2, %v58 = %v20#3, %v59 = %v20#4, %v60 = %v20#5, %v61 = %v20#6, %v62 = %v20#7, %v63 = %v20#8, %v64 = %v20#9, %v65 = %v20#10, %v66 = %v20#11) -> (vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32) {
          %v67 = memref.load %t0[%v10, %v53] : memref<5x33xf32>
          %v68 = arith.maximumf %v57, %v67 : f32
          %v69 = memref.load %t0[%v12, %v53] : memref<5x33xf32>
          %v70 = arith.maximumf %v60, %v69 : f32
          %v71 = memref.load %t0[%v13, %v53] : memref<5x33xf32>
          %v72 = arith.maximumf %v63, %v71 : f32
          %v73 = memref.load %t0[%v14, %v53] : memref<5x33xf32>
          %v74 = arith.maximumf %v66, %v73 : f32
          scf.yield %v55, %v56, %v68, %v58, %v59, %v70, %v61, %v62, %v72, %v64, %v65, %v74 : vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32
        }
        %v75 = arith.maximumf %v54#0, %v54#1 : vector<16xf32>
        %v76 = vector.reduction <maximumf>, %v75 fastmath<reassoc> : vector<16xf32> into f32
        %v77 = arith.maximumf %v54#2, %v76 : f32
        memref.store %v77, %t2[%v10] : memref<5xf32>
        %v78 = arith.maximumf %v54#3, %v54#4 : vector<16xf32>
        %v79 = vector.reduction <maximumf>, %v78 fastmath<reassoc> : vector<16xf32> into f32
        %v80 = arith.maximumf %v54#5, %v79 : f32
        memref.store %v80, %t2[%v12] : memref<5xf32>
        %v81 = arith.maximumf %v54#6, %v54#7 : vector<16xf32>
        %v82 = vector.reduction <maximumf>, %v81 fastmath<reassoc> : vector<16xf32> into f32
        %v83 = arith.maximumf %v54#8, %v82 : f32
        memref.store %v83, %t2[%v13] : memref<5xf32>
        %v84 = arith.maximumf %v54#9, %v54#10 : vector<16xf32>
        %v85 = vector.reduction <maximumf>, %v84 fastmath<reassoc> : vector<16xf32> into f32
        %v86 = arith.maximumf %v54#11, %v85 : f32
        memref.store %v86, %t2[%v14] : memref<5xf32>
      }
      scf.for %v87 = %v9 to %v5 step %k0 {
        %v89 = arith.subi %k8, %k7 : index
        %v90 = arith.divui %v89, %k9 : index
        %v91 = arith.muli %v90, %k9 : index
        %v92 = arith.addi %k7, %v91 : index
        %v94:3 = scf.for %v93 = %k7 to %v92 step %k9 iter_args(%v95 = %k5, %v96 = %k5, %v97 = %k6) -> (vector<16xf32>, vector<16xf32>, f32) {
          %v98 = vector.load %t0[%v87, %v93] : memref<5x33xf32>, vector<16xf32>
          %v99 = arith.maximumf %v95, %v98 : vector<16xf32>
          %v100 = arith.addi %v93, %k10 : index
          %v101 = vector.load %t0[%v87, %v100] : memref<5x33xf32>, vector<16xf32>
          %v102 = arith.maximumf %v96, %v101 : vector<16xf32>
          scf.yield %v99, %v102, %v97 : vector<16xf32>, vector<16xf32>, f32
        }
        %v104:3 = scf.for %v103 = %v92 to %k8 step %k0 iter_args(%v105 = %v94#0, %v106 = %v94#1, %v107 = %v94#2) -> (vector<16xf32>, vector<16xf32>, f32) {
          %v108 = memref.load %t0[%v87, %v103] : memref<5x33xf32>
          %v109 = arith.maximumf %v107, %v108 : f32
          scf.yield %v105, %v106, %v109 : vector<16xf32>, vector<16xf32>, f32
        }
        %v110 = arith.maximumf %v104#0, %v104#1 : vector<16xf32>
        %v111 = vector.reduction <maximumf>, %v110 fastmath<reassoc> : vector<16xf32> into f32
        %v112 = arith.maximumf %v104#2, %v111 : f32
        memref.store %v112, %t2[%v87] : memref<5xf32>
      }
    }
    return
  }
  // e = statement 1 of `softmax`
  func.func @s1(%t3: memref<5x33xf32>, %t0: memref<5x33xf32>, %t2: memref<5xf32>, %blo: index, %bhi: index) {
    %k34 = arith.constant 0x00000000 : f32
    %k26 = arith.constant 0x39506967 : f32
    %k25 = arith.constant 0x395E8083 : f32
    %k27 = arith.constant 0x3AB743CE : f32
    %k28 = arith.constant 0x3C088908 : f32
    %k29 = arith.constant 0x3D2AA9C1 : f32
    %k30 = arith.constant 0x3E2AAAAA : f32
    %k23 = arith.constant 0x3F000000 : f32
    %k31 = arith.constant 0x3F800000 : f32
    %k22 = arith.constant 0x3FB8AA3B : f32
    %k20 = arith.constant 0x42B0C0A5 : f32
    %k35 = arith.constant 0x7F800000 : f32
    %k24 = arith.constant 0xBF318000 : f32
    %k21 = arith.constant 0xC2AEAC50 : f32
    %k0 = arith.constant 1 : index
    %k32 = arith.constant 127 : i32
    %k3 = arith.constant 16 : index
    %k33 = arith.constant 23 : i32
    %k1 = arith.constant 33 : index
    %k2 = arith.constant 5 : index
    %k18 = arith.constant dense<0x00000000> : vector<16xf32>
    %k10 = arith.constant dense<0x39506967> : vector<16xf32>
    %k9 = arith.constant dense<0x395E8083> : vector<16xf32>
    %k11 = arith.constant dense<0x3AB743CE> : vector<16xf32>
    %k12 = arith.constant dense<0x3C088908> : vector<16xf32>
    %k13 = arith.constant dense<0x3D2AA9C1> : vector<16xf32>
    %k14 = arith.constant dense<0x3E2AAAAA> : vector<16xf32>
    %k7 = arith.constant dense<0x3F000000> : vector<16xf32>
    %k15 = arith.constant dense<0x3F800000> : vector<16xf32>
    %k6 = arith.constant dense<0x3FB8AA3B> : vector<16xf32>
    %k4 = arith.constant dense<0x42B0C0A5> : vector<16xf32>
    %k19 = arith.constant dense<0x7F800000> : vector<16xf32>
    %k8 = arith.constant dense<0xBF318000> : vector<16xf32>
    %k5 = arith.constant dense<0xC2AEAC50> : vector<16xf32>
    %k16 = arith.constant dense<127> : vector<16xi32>
    %k17 = arith.constant dense<23> : vector<16xi32>
    scf.for %v1 = %blo to %bhi step %k0 {
      %v3 = arith.remui %v1, %k0 : index
      %v4 = arith.divui %v1, %k0 : index
      %v5 = arith.muli %v3, %k1 : index
      %v6 = arith.addi %v5, %k1 : index
      %v7 = arith.minui %v6, %k1 : index
      %v8 = arith.muli %v4, %k2 : index
      %v9 = arith.addi %v8, %k2 : index
      %v10 = arith.minui %v9, %k2 : index
      scf.for %v11 = %v8 to %v10 step %k0 {
        %v13 = arith.subi %v7, %v5 : index
        %v14 = arith.divui %v13, %k3 : index
        %v15 = arith.muli %v14, %k3 : index
        %v16 = arith.addi %v5, %v15 : index
        scf.for %v17 = %v5 to %v16 step %k3 {
          %v19 = vector.load %t0[%v11, %v17] : memref<5x33xf32>, vector<16xf32>
          %v20 = memref.load %t2[%v11] : memref<5xf32>
          %v21 = vector.broadcast %v20 : f32 to vector<16xf32>
          %v22 = arith.subf %v19, %v21 fastmath<reassoc,contract> : vector<16xf32>
          %v23 = arith.minimumf %v22, %k4 : vector<16xf32>
          %v24 = arith.maximumf %v23, %k5 : vector<16xf32>
          %v25 = math.fma %v24, %k6, %k7 : vector<16xf32>
          %v26 = math.floor %v25 : vector<16xf32>
          %v27 = math.fma %v26, %k8, %v24 : vector<16xf32>
          %v28 = math.fma %v26, %k9, %v27 : vector<16xf32>
          %v29 = math.fma %k10, %v28, %k11 : vector<16xf32>
          %v30 = math.fma %v29, %v28, %k12 : vector<16xf32>
          %v31 = math.fma %v30, %v28, %k13 : vector<16xf32>
          %v32 = math.fma %v31, %v28, %k14 : vector<16xf32>
          %v33 = math.fma %v32, %v28, %k7 : vector<16xf32>
          %v34 = arith.mulf %v28, %v28 : vector<16xf32>
          %v35 = math.fma %v33, %v34, %v28 : vector<16xf32>
          %v36 = arith.addf %v35, %k15 : vector<16xf32>
          %v37 = arith.fptosi %v26 : vector<16xf32> to vector<16xi32>
          %v38 = arith.addi %v37, %k16 : vector<16xi32>
          %v39 = arith.shli %v38, %k17 : vector<16xi32>
          %v40 = arith.bitcast %v39 : vector<16xi32> to vector<16xf32>
          %v41 = arith.mulf %v36, %v40 : vector<16xf32>
          %v42 = arith.cmpf olt, %v22, %k5 : vector<16xf32>
          %v43 = arith.select %v42, %k18, %v41 : vector<16xi1>, vector<16xf32>
          %v44 = arith.cmpf ogt, %v22, %k4 : vector<16xf32>
          %v45 = arith.select %v44, %k19, %v43 : vector<16xi1>, vector<16xf32>
          %v46 = arith.cmpf uno, %v22, %v22 : vector<16xf32>
          %v47 = arith.select %v46, %v22, %v45 : vector<16xi1>, vector<16xf32>
          vector.store %v47, %t3[%v11, %v17] : memref<5x33xf32>, vector<16xf32>
        }
        scf.for %v48 = %v16 to %v7 step %k0 {
          %v50 = memref.load %t0[%v11, %v48] : memref<5x33xf32>
          %v51 = memref.load %t2[%v11] : memref<5xf32>
          %v52 = arith.subf %v50, %v51 fastmath<reassoc,contract> : f32
          %v53 = arith.minimumf %v52, %k20 : f32
          %v54 = arith.maximumf %v53, %k21 : f32
          %v55 = math.fma %v54, %k22, %k23 : f32
          %v56 = math.floor %v55 : f32
          %v57 = math.fma %v56, %k24, %v54 : f32
          %v58 = math.fma %v56, %k25, %v57 : f32
          %v59 = math.fma %k26, %v58, %k27 : f32
          %v60 = math.fma %v59, %v58, %k28 : f32
          %v61 = math.fma %v60, %v58, %k29 : f32
          %v62 = math.fma %v61, %v58, %k30 : f32
          %v63 = math.fma %v62, %v58, %k23 : f32
          %v64 = arith.mulf %v58, %v58 : f32
          %v65 = math.fma %v63, %v64, %v58 : f32
          %v66 = arith.addf %v65, %k31 : f32
          %v67 = arith.fptosi %v56 : f32 to i32
          %v68 = arith.addi %v67, %k32 : i32
          %v69 = arith.shli %v68, %k33 : i32
          %v70 = arith.bitcast %v69 : i32 to f32
          %v71 = arith.mulf %v66, %v70 : f32
          %v72 = arith.cmpf olt, %v52, %k21 : f32
          %v73 = arith.select %v72, %k34, %v71 : i1, f32
          %v74 = arith.cmpf ogt, %v52, %k20 : f32
          %v75 = arith.select %v74, %k35, %v73 : i1, f32
          %v76 = arith.cmpf uno, %v52, %v52 : f32
          %v77 = arith.select %v76, %v52, %v75 : i1, f32
          memref.store %v77, %t3[%v11, %v48] : memref<5x33xf32>
        }
      }
    }
    return
  }
  // s = statement 2 of `softmax`
  func.func @s2(%t4: memref<5xf32>, %t3: memref<5x33xf32>, %blo: index, %bhi: index) {
    %k7 = arith.constant 0 : index
    %k6 = arith.constant 0x00000000 : f32
    %k0 = arith.constant 1 : index
    %k10 = arith.constant 16 : index
    %k3 = arith.constant 2 : index
    %k4 = arith.constant 3 : index
    %k9 = arith.constant 32 : index
    %k8 = arith.constant 33 : index
    %k2 = arith.constant 4 : index
    %k1 = arith.constant 5 : index
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
          %v33 = vector.load %t3[%v10, %v19] : memref<5x33xf32>, vector<16xf32>
          %v34 = arith.addf %v21, %v33 fastmath<reassoc,contract> : vector<16xf32>
          %v35 = arith.addi %v19, %k10 : index
          %v36 = vector.load %t3[%v10, %v35] : memref<5x33xf32>, vector<16xf32>
          %v37 = arith.addf %v22, %v36 fastmath<reassoc,contract> : vector<16xf32>
          %v38 = vector.load %t3[%v12, %v19] : memref<5x33xf32>, vector<16xf32>
          %v39 = arith.addf %v24, %v38 fastmath<reassoc,contract> : vector<16xf32>
          %v40 = arith.addi %v19, %k10 : index
          %v41 = vector.load %t3[%v12, %v40] : memref<5x33xf32>, vector<16xf32>
          %v42 = arith.addf %v25, %v41 fastmath<reassoc,contract> : vector<16xf32>
          %v43 = vector.load %t3[%v13, %v19] : memref<5x33xf32>, vector<16xf32>
          %v44 = arith.addf %v27, %v43 fastmath<reassoc,contract> : vector<16xf32>
          %v45 = arith.addi %v19, %k10 : index
          %v46 = vector.load %t3[%v13, %v45] : memref<5x33xf32>, vector<16xf32>
          %v47 = arith.addf %v28, %v46 fastmath<reassoc,contract> : vector<16xf32>
          %v48 = vector.load %t3[%v14, %v19] : memref<5x33xf32>, vector<16xf32>
          %v49 = arith.addf %v30, %v48 fastmath<reassoc,contract> : vector<16xf32>
          %v50 = arith.addi %v19, %k10 : index
          %v51 = vector.load %t3[%v14, %v50] : memref<5x33xf32>, vector<16xf32>
          %v52 = arith.addf %v31, %v51 fastmath<reassoc,contract> : vector<16xf32>
          scf.yield %v34, %v37, %v23, %v39, %v42, %v26, %v44, %v47, %v29, %v49, %v52, %v32 : vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32
        }
        %v54:12 = scf.for %v53 = %v18 to %k8 step %k0 iter_args(%v55 = %v20#0, %v56 = %v20#1, %v57 = %v20#2, %v58 = %v20#3, %v59 = %v20#4, %v60 = %v20#5, %v61 = %v20#6, %v62 = %v20#7, %v63 = %v20#8, %v64 = %v20#9, %v65 = %v20#10, %v66 = %v20#11) -> (vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32) {
          %v67 = memref.load %t3[%v10, %v53] : memref<5x33xf32>
          %v68 = arith.addf %v57, %v67 fastmath<reassoc,contract> : f32
          %v69 = memref.load %t3[%v12, %v53] : memref<5x33xf32>
          %v70 = arith.addf %v60, %v69 fastmath<reassoc,contract> : f32
          %v71 = memref.load %t3[%v13, %v53] : memref<5x33xf32>
          %v72 = arith.addf %v63, %v71 fastmath<reassoc,contract> : f32
          %v73 = memref.load %t3[%v14, %v53] : memref<5x33xf32>
          %v74 = arith.addf %v66, %v73 fastmath<reassoc,contract> : f32
          scf.yield %v55, %v56, %v68, %v58, %v59, %v70, %v61, %v62, %v72, %v64, %v65, %v74 : vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32
        }
        %v75 = arith.addf %v54#0, %v54#1 fastmath<reassoc,contract> : vector<16xf32>
        %v76 = vector.reduction <add>, %v75 fastmath<reassoc> : vector<16xf32> into f32
        %v77 = arith.addf %v54#2, %v76 fastmath<reassoc,contract> : f32
        memref.store %v77, %t4[%v10] : memref<5xf32>
        %v78 = arith.addf %v54#3, %v54#4 fastmath<reassoc,contract> : vector<16xf32>
        %v79 = vector.reduction <add>, %v78 fastmath<reassoc> : vector<16xf32> into f32
        %v80 = arith.addf %v54#5, %v79 fastmath<reassoc,contract> : f32
        memref.store %v80, %t4[%v12] : memref<5xf32>
        %v81 = arith.addf %v54#6, %v54#7 fastmath<reassoc,contract> : vector<16xf32>
        %v82 = vector.reduction <add>, %v81 fastmath<reassoc> : vector<16xf32> into f32
        %v83 = arith.addf %v54#8, %v82 fastmath<reassoc,contract> : f32
        memref.store %v83, %t4[%v13] : memref<5xf32>
        %v84 = arith.addf %v54#9, %v54#10 fastmath<reassoc,contract> : vector<16xf32>
        %v85 = vector.reduction <add>, %v84 fastmath<reassoc> : vector<16xf32> into f32
        %v86 = arith.addf %v54#11, %v85 fastmath<reassoc,contract> : f32
        memref.store %v86, %t4[%v14] : memref<5xf32>
      }
      scf.for %v87 = %v9 to %v5 step %k0 {
        %v89 = arith.subi %k8, %k7 : index
        %v90 = arith.divui %v89, %k9 : index
        %v91 = arith.muli %v90, %k9 : index
        %v92 = arith.addi %k7, %v91 : index
        %v94:3 = scf.for %v93 = %k7 to %v92 step %k9 iter_args(%v95 = %k5, %v96 = %k5, %v97 = %k6) -> (vector<16xf32>, vector<16xf32>, f32) {
          %v98 = vector.load %t3[%v87, %v93] : memref<5x33xf32>, vector<16xf32>
          %v99 = arith.addf %v95, %v98 fastmath<reassoc,contract> : vector<16xf32>
          %v100 = arith.addi %v93, %k10 : index
          %v101 = vector.load %t3[%v87, %v100] : memref<5x33xf32>, vector<16xf32>
          %v102 = arith.addf %v96, %v101 fastmath<reassoc,contract> : vector<16xf32>
          scf.yield %v99, %v102, %v97 : vector<16xf32>, vector<16xf32>, f32
        }
        %v104:3 = scf.for %v103 = %v92 to %k8 step %k0 iter_args(%v105 = %v94#0, %v106 = %v94#1, %v107 = %v94#2) -> (vector<16xf32>, vector<16xf32>, f32) {
          %v108 = memref.load %t3[%v87, %v103] : memref<5x33xf32>
          %v109 = arith.addf %v107, %v108 fastmath<reassoc,contract> : f32
          scf.yield %v105, %v106, %v109 : vector<16xf32>, vector<16xf32>, f32
        }
        %v110 = arith.addf %v104#0, %v104#1 fastmath<reassoc,contract> : vector<16xf32>
        %v111 = vector.reduction <add>, %v110 fastmath<reassoc> : vector<16xf32> into f32
        %v112 = arith.addf %v104#2, %v111 fastmath<reassoc,contract> : f32
        memref.store %v112, %t4[%v87] : memref<5xf32>
      }
    }
    return
  }
  // y = statement 3 of `softmax`
  func.func @s3(%t1: memref<5x33xf32>, %t3: memref<5x33xf32>, %t4: memref<5xf32>, %blo: index, %bhi: index) {
    %k0 = arith.constant 1 : index
    %k3 = arith.constant 16 : index
    %k1 = arith.constant 33 : index
    %k2 = arith.constant 5 : index
    scf.for %v1 = %blo to %bhi step %k0 {
      %v3 = arith.remui %v1, %k0 : index
      %v4 = arith.divui %v1, %k0 : index
      %v5 = arith.muli %v3, %k1 : index
      %v6 = arith.addi %v5, %k1 : index
      %v7 = arith.minui %v6, %k1 : index
      %v8 = arith.muli %v4, %k2 : index
      %v9 = arith.addi %v8, %k2 : index
      %v10 = arith.minui %v9, %k2 : index
      scf.for %v11 = %v8 to %v10 step %k0 {
        %v13 = arith.subi %v7, %v5 : index
        %v14 = arith.divui %v13, %k3 : index
        %v15 = arith.muli %v14, %k3 : index
        %v16 = arith.addi %v5, %v15 : index
        scf.for %v17 = %v5 to %v16 step %k3 {
          %v19 = vector.load %t3[%v11, %v17] : memref<5x33xf32>, vector<16xf32>
          %v20 = memref.load %t4[%v11] : memref<5xf32>
          %v21 = vector.broadcast %v20 : f32 to vector<16xf32>
          %v22 = arith.divf %v19, %v21 fastmath<reassoc,contract> : vector<16xf32>
          vector.store %v22, %t1[%v11, %v17] : memref<5x33xf32>, vector<16xf32>
        }
        scf.for %v23 = %v16 to %v7 step %k0 {
          %v25 = memref.load %t3[%v11, %v23] : memref<5x33xf32>
          %v26 = memref.load %t4[%v11] : memref<5xf32>
          %v27 = arith.divf %v25, %v26 fastmath<reassoc,contract> : f32
          memref.store %v27, %t1[%v11, %v23] : memref<5x33xf32>
        }
      }
    }
    return
  }
}
