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
        %v78 = arith.subi %v10, %v3 : index
        memref.store %v77, %t2[%v78] : memref<5xf32>
        %v79 = arith.maximumf %v54#3, %v54#4 : vector<16xf32>
        %v80 = vector.reduction <maximumf>, %v79 fastmath<reassoc> : vector<16xf32> into f32
        %v81 = arith.maximumf %v54#5, %v80 : f32
        %v82 = arith.subi %v12, %v3 : index
        memref.store %v81, %t2[%v82] : memref<5xf32>
        %v83 = arith.maximumf %v54#6, %v54#7 : vector<16xf32>
        %v84 = vector.reduction <maximumf>, %v83 fastmath<reassoc> : vector<16xf32> into f32
        %v85 = arith.maximumf %v54#8, %v84 : f32
        %v86 = arith.subi %v13, %v3 : index
        memref.store %v85, %t2[%v86] : memref<5xf32>
        %v87 = arith.maximumf %v54#9, %v54#10 : vector<16xf32>
        %v88 = vector.reduction <maximumf>, %v87 fastmath<reassoc> : vector<16xf32> into f32
        %v89 = arith.maximumf %v54#11, %v88 : f32
        %v90 = arith.subi %v14, %v3 : index
        memref.store %v89, %t2[%v90] : memref<5xf32>
      }
      scf.for %v91 = %v9 to %v5 step %k0 {
        %v93 = arith.subi %k8, %k7 : index
        %v94 = arith.divui %v93, %k9 : index
        %v95 = arith.muli %v94, %k9 : index
        %v96 = arith.addi %k7, %v95 : index
        %v98:3 = scf.for %v97 = %k7 to %v96 step %k9 iter_args(%v99 = %k5, %v100 = %k5, %v101 = %k6) -> (vector<16xf32>, vector<16xf32>, f32) {
          %v102 = vector.load %t0[%v91, %v97] : memref<5x33xf32>, vector<16xf32>
          %v103 = arith.maximumf %v99, %v102 : vector<16xf32>
          %v104 = arith.addi %v97, %k10 : index
          %v105 = vector.load %t0[%v91, %v104] : memref<5x33xf32>, vector<16xf32>
          %v106 = arith.maximumf %v100, %v105 : vector<16xf32>
          scf.yield %v103, %v106, %v101 : vector<16xf32>, vector<16xf32>, f32
        }
        %v108:3 = scf.for %v107 = %v96 to %k8 step %k0 iter_args(%v109 = %v98#0, %v110 = %v98#1, %v111 = %v98#2) -> (vector<16xf32>, vector<16xf32>, f32) {
          %v112 = memref.load %t0[%v91, %v107] : memref<5x33xf32>
          %v113 = arith.maximumf %v111, %v112 : f32
          scf.yield %v109, %v110, %v113 : vector<16xf32>, vector<16xf32>, f32
        }
        %v114 = arith.maximumf %v108#0, %v108#1 : vector<16xf32>
        %v115 = vector.reduction <maximumf>, %v114 fastmath<reassoc> : vector<16xf32> into f32
        %v116 = arith.maximumf %v108#2, %v115 : f32
        %v117 = arith.subi %v91, %v3 : index
        memref.store %v116, %t2[%v117] : memref<5xf32>
      }
    }
    return
  }
  // e = statement 1 of `softmax`
  func.func @s1(%t3: memref<5x33xf32>, %t0: memref<5x33xf32>, %t2: memref<5xf32>, %blo: index, %bhi: index) {
    %k20 = arith.constant 0 : index
    %k0 = arith.constant 1 : index
    %k3 = arith.constant 16 : index
    %k1 = arith.constant 33 : index
    %k2 = arith.constant 5 : index
    %k21 = arith.constant dense<0.0> : vector<16xf32>
    %k10 = arith.constant dense<0x39506967> : vector<16xf32>
    %k9 = arith.constant dense<0x395E8083> : vector<16xf32>
    %k11 = arith.constant dense<0x3AB743CE> : vector<16xf32>
    %k12 = arith.constant dense<0x3C088908> : vector<16xf32>
    %k13 = arith.constant dense<0x3D2AA9C1> : vector<16xf32>
    %k14 = arith.constant dense<0x3E2AAAAA> : vector<16xf32>
    %k15 = arith.constant dense<0x3F000000> : vector<16xf32>
    %k16 = arith.constant dense<0x3F800000> : vector<16xf32>
    %k6 = arith.constant dense<0x3FB8AA3B> : vector<16xf32>
    %k19 = arith.constant dense<0x40000000> : vector<16xf32>
    %k4 = arith.constant dense<0x42B1CCCD> : vector<16xf32>
    %k7 = arith.constant dense<0x4B400000> : vector<16xf32>
    %k8 = arith.constant dense<0xBF318000> : vector<16xf32>
    %k5 = arith.constant dense<0xC2AEAC50> : vector<16xf32>
    %k17 = arith.constant dense<126> : vector<16xi32>
    %k18 = arith.constant dense<23> : vector<16xi32>
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
          %v20 = arith.subi %v11, %v8 : index
          %v21 = memref.load %t2[%v20] : memref<5xf32>
          %v22 = vector.broadcast %v21 : f32 to vector<16xf32>
          %v23 = arith.subf %v19, %v22 : vector<16xf32>
          %v24 = arith.cmpf ogt, %v23, %k4 : vector<16xf32>
          %v25 = arith.select %v24, %k4, %v23 : vector<16xi1>, vector<16xf32>
          %v26 = arith.cmpf olt, %v25, %k5 : vector<16xf32>
          %v27 = arith.select %v26, %k5, %v25 : vector<16xi1>, vector<16xf32>
          %v28 = math.fma %v27, %k6, %k7 : vector<16xf32>
          %v29 = arith.subf %v28, %k7 : vector<16xf32>
          %v30 = math.fma %v29, %k8, %v27 : vector<16xf32>
          %v31 = math.fma %v29, %k9, %v30 : vector<16xf32>
          %v32 = math.fma %k10, %v31, %k11 : vector<16xf32>
          %v33 = math.fma %v32, %v31, %k12 : vector<16xf32>
          %v34 = math.fma %v33, %v31, %k13 : vector<16xf32>
          %v35 = math.fma %v34, %v31, %k14 : vector<16xf32>
          %v36 = math.fma %v35, %v31, %k15 : vector<16xf32>
          %v37 = arith.mulf %v31, %v31 : vector<16xf32>
          %v38 = math.fma %v36, %v37, %v31 : vector<16xf32>
          %v39 = arith.addf %v38, %k16 : vector<16xf32>
          %v40 = arith.bitcast %v28 : vector<16xf32> to vector<16xi32>
          %v41 = arith.addi %v40, %k17 : vector<16xi32>
          %v42 = arith.shli %v41, %k18 : vector<16xi32>
          %v43 = arith.bitcast %v42 : vector<16xi32> to vector<16xf32>
          %v44 = arith.mulf %v39, %v43 : vector<16xf32>
          %v45 = arith.mulf %v44, %k19 : vector<16xf32>
          %v46 = arith.subi %v11, %v8 : index
          vector.store %v45, %t3[%v46, %v17] : memref<5x33xf32>, vector<16xf32>
        }
        %v47 = arith.subi %v7, %v16 : index
        %v48 = arith.cmpi ugt, %v47, %k20 : index
        scf.if %v48 {
          %v49 = vector.create_mask %v47 : vector<16xi1>
          %v50 = vector.maskedload %t0[%v11, %v16], %v49, %k21 : memref<5x33xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
          %v51 = arith.subi %v11, %v8 : index
          %v52 = memref.load %t2[%v51] : memref<5xf32>
          %v53 = vector.broadcast %v52 : f32 to vector<16xf32>
          %v54 = arith.subf %v50, %v53 : vector<16xf32>
          %v55 = arith.cmpf ogt, %v54, %k4 : vector<16xf32>
          %v56 = arith.select %v55, %k4, %v54 : vector<16xi1>, vector<16xf32>
          %v57 = arith.cmpf olt, %v56, %k5 : vector<16xf32>
          %v58 = arith.select %v57, %k5, %v56 : vector<16xi1>, vector<16xf32>
          %v59 = math.fma %v58, %k6, %k7 : vector<16xf32>
          %v60 = arith.subf %v59, %k7 : vector<16xf32>
          %v61 = math.fma %v60, %k8, %v58 : vector<16xf32>
          %v62 = math.fma %v60, %k9, %v61 : vector<16xf32>
          %v63 = math.fma %k10, %v62, %k11 : vector<16xf32>
          %v64 = math.fma %v63, %v62, %k12 : vector<16xf32>
          %v65 = math.fma %v64, %v62, %k13 : vector<16xf32>
          %v66 = math.fma %v65, %v62, %k14 : vector<16xf32>
          %v67 = math.fma %v66, %v62, %k15 : vector<16xf32>
          %v68 = arith.mulf %v62, %v62 : vector<16xf32>
          %v69 = math.fma %v67, %v68, %v62 : vector<16xf32>
          %v70 = arith.addf %v69, %k16 : vector<16xf32>
          %v71 = arith.bitcast %v59 : vector<16xf32> to vector<16xi32>
          %v72 = arith.addi %v71, %k17 : vector<16xi32>
          %v73 = arith.shli %v72, %k18 : vector<16xi32>
          %v74 = arith.bitcast %v73 : vector<16xi32> to vector<16xf32>
          %v75 = arith.mulf %v70, %v74 : vector<16xf32>
          %v76 = arith.mulf %v75, %k19 : vector<16xf32>
          %v77 = arith.subi %v11, %v8 : index
          vector.maskedstore %t3[%v77, %v16], %v49, %v76 : memref<5x33xf32>, vector<16xi1>, vector<16xf32>
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
          %v33 = arith.subi %v10, %v3 : index
          %v34 = vector.load %t3[%v33, %v19] : memref<5x33xf32>, vector<16xf32>
          %v35 = arith.addf %v21, %v34 fastmath<reassoc,contract> : vector<16xf32>
          %v36 = arith.addi %v19, %k10 : index
          %v37 = arith.subi %v10, %v3 : index
          %v38 = vector.load %t3[%v37, %v36] : memref<5x33xf32>, vector<16xf32>
          %v39 = arith.addf %v22, %v38 fastmath<reassoc,contract> : vector<16xf32>
          %v40 = arith.subi %v12, %v3 : index
          %v41 = vector.load %t3[%v40, %v19] : memref<5x33xf32>, vector<16xf32>
          %v42 = arith.addf %v24, %v41 fastmath<reassoc,contract> : vector<16xf32>
          %v43 = arith.addi %v19, %k10 : index
          %v44 = arith.subi %v12, %v3 : index
          %v45 = vector.load %t3[%v44, %v43] : memref<5x33xf32>, vector<16xf32>
          %v46 = arith.addf %v25, %v45 fastmath<reassoc,contract> : vector<16xf32>
          %v47 = arith.subi %v13, %v3 : index
          %v48 = vector.load %t3[%v47, %v19] : memref<5x33xf32>, vector<16xf32>
          %v49 = arith.addf %v27, %v48 fastmath<reassoc,contract> : vector<16xf32>
          %v50 = arith.addi %v19, %k10 : index
          %v51 = arith.subi %v13, %v3 : index
          %v52 = vector.load %t3[%v51, %v50] : memref<5x33xf32>, vector<16xf32>
          %v53 = arith.addf %v28, %v52 fastmath<reassoc,contract> : vector<16xf32>
          %v54 = arith.subi %v14, %v3 : index
          %v55 = vector.load %t3[%v54, %v19] : memref<5x33xf32>, vector<16xf32>
          %v56 = arith.addf %v30, %v55 fastmath<reassoc,contract> : vector<16xf32>
          %v57 = arith.addi %v19, %k10 : index
          %v58 = arith.subi %v14, %v3 : index
          %v59 = vector.load %t3[%v58, %v57] : memref<5x33xf32>, vector<16xf32>
          %v60 = arith.addf %v31, %v59 fastmath<reassoc,contract> : vector<16xf32>
          scf.yield %v35, %v39, %v23, %v42, %v46, %v26, %v49, %v53, %v29, %v56, %v60, %v32 : vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32
        }
        %v62:12 = scf.for %v61 = %v18 to %k8 step %k0 iter_args(%v63 = %v20#0, %v64 = %v20#1, %v65 = %v20#2, %v66 = %v20#3, %v67 = %v20#4, %v68 = %v20#5, %v69 = %v20#6, %v70 = %v20#7, %v71 = %v20#8, %v72 = %v20#9, %v73 = %v20#10, %v74 = %v20#11) -> (vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32) {
          %v75 = arith.subi %v10, %v3 : index
          %v76 = memref.load %t3[%v75, %v61] : memref<5x33xf32>
          %v77 = arith.addf %v65, %v76 fastmath<reassoc,contract> : f32
          %v78 = arith.subi %v12, %v3 : index
          %v79 = memref.load %t3[%v78, %v61] : memref<5x33xf32>
          %v80 = arith.addf %v68, %v79 fastmath<reassoc,contract> : f32
          %v81 = arith.subi %v13, %v3 : index
          %v82 = memref.load %t3[%v81, %v61] : memref<5x33xf32>
          %v83 = arith.addf %v71, %v82 fastmath<reassoc,contract> : f32
          %v84 = arith.subi %v14, %v3 : index
          %v85 = memref.load %t3[%v84, %v61] : memref<5x33xf32>
          %v86 = arith.addf %v74, %v85 fastmath<reassoc,contract> : f32
          scf.yield %v63, %v64, %v77, %v66, %v67, %v80, %v69, %v70, %v83, %v72, %v73, %v86 : vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32, vector<16xf32>, vector<16xf32>, f32
        }
        %v87 = arith.addf %v62#0, %v62#1 fastmath<reassoc,contract> : vector<16xf32>
        %v88 = vector.reduction <add>, %v87 fastmath<reassoc> : vector<16xf32> into f32
        %v89 = arith.addf %v62#2, %v88 fastmath<reassoc,contract> : f32
        %v90 = arith.subi %v10, %v3 : index
        memref.store %v89, %t4[%v90] : memref<5xf32>
        %v91 = arith.addf %v62#3, %v62#4 fastmath<reassoc,contract> : vector<16xf32>
        %v92 = vector.reduction <add>, %v91 fastmath<reassoc> : vector<16xf32> into f32
        %v93 = arith.addf %v62#5, %v92 fastmath<reassoc,contract> : f32
        %v94 = arith.subi %v12, %v3 : index
        memref.store %v93, %t4[%v94] : memref<5xf32>
        %v95 = arith.addf %v62#6, %v62#7 fastmath<reassoc,contract> : vector<16xf32>
        %v96 = vector.reduction <add>, %v95 fastmath<reassoc> : vector<16xf32> into f32
        %v97 = arith.addf %v62#8, %v96 fastmath<reassoc,contract> : f32
        %v98 = arith.subi %v13, %v3 : index
        memref.store %v97, %t4[%v98] : memref<5xf32>
        %v99 = arith.addf %v62#9, %v62#10 fastmath<reassoc,contract> : vector<16xf32>
        %v100 = vector.reduction <add>, %v99 fastmath<reassoc> : vector<16xf32> into f32
        %v101 = arith.addf %v62#11, %v100 fastmath<reassoc,contract> : f32
        %v102 = arith.subi %v14, %v3 : index
        memref.store %v101, %t4[%v102] : memref<5xf32>
      }
      scf.for %v103 = %v9 to %v5 step %k0 {
        %v105 = arith.subi %k8, %k7 : index
        %v106 = arith.divui %v105, %k9 : index
        %v107 = arith.muli %v106, %k9 : index
        %v108 = arith.addi %k7, %v107 : index
        %v110:3 = scf.for %v109 = %k7 to %v108 step %k9 iter_args(%v111 = %k5, %v112 = %k5, %v113 = %k6) -> (vector<16xf32>, vector<16xf32>, f32) {
          %v114 = arith.subi %v103, %v3 : index
          %v115 = vector.load %t3[%v114, %v109] : memref<5x33xf32>, vector<16xf32>
          %v116 = arith.addf %v111, %v115 fastmath<reassoc,contract> : vector<16xf32>
          %v117 = arith.addi %v109, %k10 : index
          %v118 = arith.subi %v103, %v3 : index
          %v119 = vector.load %t3[%v118, %v117] : memref<5x33xf32>, vector<16xf32>
          %v120 = arith.addf %v112, %v119 fastmath<reassoc,contract> : vector<16xf32>
          scf.yield %v116, %v120, %v113 : vector<16xf32>, vector<16xf32>, f32
        }
        %v122:3 = scf.for %v121 = %v108 to %k8 step %k0 iter_args(%v123 = %v110#0, %v124 = %v110#1, %v125 = %v110#2) -> (vector<16xf32>, vector<16xf32>, f32) {
          %v126 = arith.subi %v103, %v3 : index
          %v127 = memref.load %t3[%v126, %v121] : memref<5x33xf32>
          %v128 = arith.addf %v125, %v127 fastmath<reassoc,contract> : f32
          scf.yield %v123, %v124, %v128 : vector<16xf32>, vector<16xf32>, f32
        }
        %v129 = arith.addf %v122#0, %v122#1 fastmath<reassoc,contract> : vector<16xf32>
        %v130 = vector.reduction <add>, %v129 fastmath<reassoc> : vector<16xf32> into f32
        %v131 = arith.addf %v122#2, %v130 fastmath<reassoc,contract> : f32
        %v132 = arith.subi %v103, %v3 : index
        memref.store %v131, %t4[%v132] : memref<5xf32>
      }
    }
    return
  }
  // y = statement 3 of `softmax`
  func.func @s3(%t1: memref<5x33xf32>, %t3: memref<5x33xf32>, %t4: memref<5xf32>, %blo: index, %bhi: index) {
    %k4 = arith.constant 0 : index
    %k0 = arith.constant 1 : index
    %k3 = arith.constant 16 : index
    %k1 = arith.constant 33 : index
    %k2 = arith.constant 5 : index
    %k5 = arith.constant dense<0.0> : vector<16xf32>
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
          %v19 = arith.subi %v11, %v8 : index
          %v20 = vector.load %t3[%v19, %v17] : memref<5x33xf32>, vector<16xf32>
          %v21 = arith.subi %v11, %v8 : index
          %v22 = memref.load %t4[%v21] : memref<5xf32>
          %v23 = vector.broadcast %v22 : f32 to vector<16xf32>
          %v24 = arith.divf %v20, %v23 : vector<16xf32>
          vector.store %v24, %t1[%v11, %v17] : memref<5x33xf32>, vector<16xf32>
        }
        %v25 = arith.subi %v7, %v16 : index
        %v26 = arith.cmpi ugt, %v25, %k4 : index
        scf.if %v26 {
          %v27 = vector.create_mask %v25 : vector<16xi1>
          %v28 = arith.subi %v11, %v8 : index
          %v29 = vector.maskedload %t3[%v28, %v16], %v27, %k5 : memref<5x33xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
          %v30 = arith.subi %v11, %v8 : index
          %v31 = memref.load %t4[%v30] : memref<5xf32>
          %v32 = vector.broadcast %v31 : f32 to vector<16xf32>
          %v33 = arith.divf %v29, %v32 : vector<16xf32>
          vector.maskedstore %t1[%v11, %v16], %v27, %v33 : memref<5x33xf32>, vector<16xi1>, vector<16xf32>
        }
      }
    }
    return
  }
}
