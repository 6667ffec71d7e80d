module {
  // y = statement 0 of `e`
  func.func @s0(%t1: memref<3x40xf32>, %t0: memref<3x40xf32>, %blo: index, %bhi: index) {
    %k15 = arith.constant -1 : i16
    %k17 = arith.constant 0 : index
    %k0 = arith.constant 1 : index
    %k3 = arith.constant 16 : index
    %k2 = arith.constant 3 : index
    %k16 = arith.constant 4 : i32
    %k1 = arith.constant 40 : index
    %k18 = arith.constant dense<0.0> : vector<16xf32>
    %k14 = arith.constant dense<0x3D800000> : vector<16xf32>
    %k10 = arith.constant dense<0x3E2AAAAB> : vector<16xf32>
    %k11 = arith.constant dense<0x3F000000> : vector<16xf32>
    %k12 = arith.constant dense<0x3F800000> : vector<16xf32>
    %k6 = arith.constant dense<0x41B8AA3B> : vector<16xf32>
    %k4 = arith.constant dense<0x42B1CCCD> : vector<16xf32>
    %k7 = arith.constant dense<0x4B400000> : vector<16xf32>
    %k9 = arith.constant dense<0xB605FDF4> : vector<16xf32>
    %k8 = arith.constant dense<0xBD317000> : vector<16xf32>
    %k5 = arith.constant dense<0xC2D00000> : vector<16xf32>
    %k13 = arith.constant dense<[0x3F800000, 0x3F85AAC3, 0x3F8B95C2, 0x3F91C3D3, 0x3F9837F0, 0x3F9EF532, 0x3FA5FED7, 0x3FAD583F, 0x3FB504F3, 0x3FBD08A4, 0x3FC5672A, 0x3FCE248C, 0x3FD744FD, 0x3FE0CCDF, 0x3FEAC0C7, 0x3FF5257D]> : vector<16xf32>
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
          %v19 = vector.load %t0[%v11, %v17] : memref<3x40xf32>, vector<16xf32>
          %v20 = arith.cmpf ogt, %v19, %k4 : vector<16xf32>
          %v21 = arith.select %v20, %k4, %v19 : vector<16xi1>, vector<16xf32>
          %v22 = arith.cmpf olt, %v21, %k5 : vector<16xf32>
          %v23 = arith.select %v22, %k5, %v21 : vector<16xi1>, vector<16xf32>
          %v24 = math.fma %v23, %k6, %k7 : vector<16xf32>
          %v25 = arith.subf %v24, %k7 : vector<16xf32>
          %v26 = math.fma %v25, %k8, %v23 : vector<16xf32>
          %v27 = math.fma %v25, %k9, %v26 : vector<16xf32>
          %v28 = math.fma %k10, %v27, %k11 : vector<16xf32>
          %v29 = math.fma %v28, %v27, %k12 : vector<16xf32>
          %v30 = arith.mulf %v29, %v27 : vector<16xf32>
          %v31 = arith.bitcast %v24 : vector<16xf32> to vector<16xi32>
          %v32 = llvm.call_intrinsic "llvm.x86.avx512.permvar.sf.512"(%k13, %v31) : (vector<16xf32>, vector<16xi32>) -> vector<16xf32>
          %v33 = math.fma %v32, %v30, %v32 : vector<16xf32>
          %v34 = arith.mulf %v25, %k14 : vector<16xf32>
          %v35 = llvm.call_intrinsic "llvm.x86.avx512.mask.scalef.ps.512"(%v33, %v34, %v33, %k15, %k16) : (vector<16xf32>, vector<16xf32>, vector<16xf32>, i16, i32) -> vector<16xf32>
          vector.store %v35, %t1[%v11, %v17] : memref<3x40xf32>, vector<16xf32>
        }
        %v36 = arith.subi %v7, %v16 : index
        %v37 = arith.cmpi ugt, %v36, %k17 : index
        scf.if %v37 {
          %v38 = vector.create_mask %v36 : vector<16xi1>
          %v39 = vector.maskedload %t0[%v11, %v16], %v38, %k18 : memref<3x40xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
          %v40 = arith.cmpf ogt, %v39, %k4 : vector<16xf32>
          %v41 = arith.select %v40, %k4, %v39 : vector<16xi1>, vector<16xf32>
          %v42 = arith.cmpf olt, %v41, %k5 : vector<16xf32>
          %v43 = arith.select %v42, %k5, %v41 : vector<16xi1>, vector<16xf32>
          %v44 = math.fma %v43, %k6, %k7 : vector<16xf32>
          %v45 = arith.subf %v44, %k7 : vector<16xf32>
          %v46 = math.fma %v45, %k8, %v43 : vector<16xf32>
          %v47 = math.fma %v45, %k9, %v46 : vector<16xf32>
          %v48 = math.fma %k10, %v47, %k11 : vector<16xf32>
          %v49 = math.fma %v48, %v47, %k12 : vector<16xf32>
          %v50 = arith.mulf %v49, %v47 : vector<16xf32>
          %v51 = arith.bitcast %v44 : vector<16xf32> to vector<16xi32>
          %v52 = llvm.call_intrinsic "llvm.x86.avx512.permvar.sf.512"(%k13, %v51) : (vector<16xf32>, vector<16xi32>) -> vector<16xf32>
          %v53 = math.fma %v52, %v50, %v52 : vector<16xf32>
          %v54 = arith.mulf %v45, %k14 : vector<16xf32>
          %v55 = llvm.call_intrinsic "llvm.x86.avx512.mask.scalef.ps.512"(%v53, %v54, %v53, %k15, %k16) : (vector<16xf32>, vector<16xf32>, vector<16xf32>, i16, i32) -> vector<16xf32>
          vector.maskedstore %t1[%v11, %v16], %v38, %v55 : memref<3x40xf32>, vector<16xi1>, vector<16xf32>
        }
      }
    }
    return
  }
  // z = statement 1 of `e`
  func.func @s1(%t2: memref<3x40xf32>, %t0: memref<3x40xf32>, %blo: index, %bhi: index) {
    %k26 = arith.constant 0 : index
    %k0 = arith.constant 1 : index
    %k2 = arith.constant 3 : index
    %k1 = arith.constant 40 : index
    %k3 = arith.constant 8 : index
    %k14 = arith.constant dense<-8> : vector<8xi32>
    %k27 = arith.constant dense<0.0> : vector<8xf32>
    %k19 = arith.constant dense<0x00000000> : vector<8xf32>
    %k21 = arith.constant dense<0x3CA9134E> : vector<8xf32>
    %k10 = arith.constant dense<0x3D2AAAAB> : vector<8xf32>
    %k23 = arith.constant dense<0x3E088393> : vector<8xf32>
    %k11 = arith.constant dense<0x3E2AAAAB> : vector<8xf32>
    %k12 = arith.constant dense<0x3F000000> : vector<8xf32>
    %k25 = arith.constant dense<0x3F200000> : vector<8xf32>
    %k5 = arith.constant dense<0x3F800000> : vector<8xf32>
    %k4 = arith.constant dense<0x40000000> : vector<8xf32>
    %k6 = arith.constant dense<0x4138AA3B> : vector<8xf32>
    %k16 = arith.constant dense<0x42B17217> : vector<8xf32>
    %k7 = arith.constant dense<0x4B400000> : vector<8xf32>
    %k18 = arith.constant dense<0x7F800000> : vector<8xf32>
    %k9 = arith.constant dense<0xB685FDF4> : vector<8xf32>
    %k20 = arith.constant dense<0xBBBAF0EA> : vector<8xf32>
    %k22 = arith.constant dense<0xBD5C1E2D> : vector<8xf32>
    %k8 = arith.constant dense<0xBDB17000> : vector<8xf32>
    %k24 = arith.constant dense<0xBEAAAA99> : vector<8xf32>
    %k17 = arith.constant dense<0xC2AD47AE> : vector<8xf32>
    %k15 = arith.constant dense<20> : vector<8xi32>
    %k13 = arith.constant dense<[0x3F800000, 0x3F8B95C2, 0x3F9837F0, 0x3FA5FED7, 0x3FB504F3, 0x3FC5672A, 0x3FD744FD, 0x3FEAC0C7]> : vector<8xf32>
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
          %v19 = vector.load %t0[%v11, %v17] : memref<3x40xf32>, vector<8xf32>
          %v20 = math.absf %v19 : vector<8xf32>
          %v21 = arith.mulf %v20, %k4 : vector<8xf32>
          %v22 = math.fma %v21, %k6, %k7 : vector<8xf32>
          %v23 = arith.subf %v22, %k7 : vector<8xf32>
          %v24 = math.fma %v23, %k8, %v21 : vector<8xf32>
          %v25 = math.fma %v23, %k9, %v24 : vector<8xf32>
          %v26 = math.fma %k10, %v25, %k11 : vector<8xf32>
          %v27 = math.fma %v26, %v25, %k12 : vector<8xf32>
          %v28 = math.fma %v27, %v25, %k5 : vector<8xf32>
          %v29 = arith.mulf %v28, %v25 : vector<8xf32>
          %v30 = arith.bitcast %v22 : vector<8xf32> to vector<8xi32>
          %v31 = llvm.call_intrinsic "llvm.x86.avx2.permps"(%k13, %v30) : (vector<8xf32>, vector<8xi32>) -> vector<8xf32>
          %v32 = math.fma %v31, %v29, %v31 : vector<8xf32>
          %v33 = arith.andi %v30, %k14 : vector<8xi32>
          %v34 = arith.shli %v33, %k15 : vector<8xi32>
          %v35 = arith.bitcast %v32 : vector<8xf32> to vector<8xi32>
          %v36 = arith.addi %v35, %v34 : vector<8xi32>
          %v37 = arith.bitcast %v36 : vector<8xi32> to vector<8xf32>
          %v38 = arith.cmpf ole, %v21, %k16 : vector<8xf32>
          %v39 = arith.addf %v21, %k18 : vector<8xf32>
          %v40 = arith.select %v38, %v37, %v39 : vector<8xi1>, vector<8xf32>
          %v41 = arith.cmpf olt, %v21, %k17 : vector<8xf32>
          %v42 = arith.select %v41, %k19, %v40 : vector<8xi1>, vector<8xf32>
          %v43 = arith.addf %v42, %k5 : vector<8xf32>
          %v44 = arith.divf %k4, %v43 : vector<8xf32>
          %v45 = arith.subf %k5, %v44 : vector<8xf32>
          %v46 = arith.mulf %v19, %v19 : vector<8xf32>
          %v47 = math.fma %k20, %v46, %k21 : vector<8xf32>
          %v48 = math.fma %v47, %v46, %k22 : vector<8xf32>
          %v49 = math.fma %v48, %v46, %k23 : vector<8xf32>
          %v50 = math.fma %v49, %v46, %k24 : vector<8xf32>
          %v51 = arith.mulf %v50, %v46 : vector<8xf32>
          %v52 = math.fma %v51, %v19, %v19 : vector<8xf32>
          %v53 = arith.cmpf olt, %v20, %k25 : vector<8xf32>
          %v54 = arith.select %v53, %v52, %v45 : vector<8xi1>, vector<8xf32>
          %v55 = math.copysign %v54, %v19 : vector<8xf32>
          vector.store %v55, %t2[%v11, %v17] : memref<3x40xf32>, vector<8xf32>
        }
        %v56 = arith.subi %v7, %v16 : index
        %v57 = arith.cmpi ugt, %v56, %k26 : index
        scf.if %v57 {
          %v58 = vector.create_mask %v56 : vector<8xi1>
          %v59 = vector.maskedload %t0[%v11, %v16], %v58, %k27 : memref<3x40xf32>, vector<8xi1>, vector<8xf32> into vector<8xf32>
          %v60 = math.absf %v59 : vector<8xf32>
          %v61 = arith.mulf %v60, %k4 : vector<8xf32>
          %v62 = math.fma %v61, %k6, %k7 : vector<8xf32>
          %v63 = arith.subf %v62, %k7 : vector<8xf32>
          %v64 = math.fma %v63, %k8, %v61 : vector<8xf32>
          %v65 = math.fma %v63, %k9, %v64 : vector<8xf32>
          %v66 = math.fma %k10, %v65, %k11 : vector<8xf32>
          %v67 = math.fma %v66, %v65, %k12 : vector<8xf32>
          %v68 = math.fma %v67, %v65, %k5 : vector<8xf32>
          %v69 = arith.mulf %v68, %v65 : vector<8xf32>
          %v70 = arith.bitcast %v62 : vector<8xf32> to vector<8xi32>
          %v71 = llvm.call_intrinsic "llvm.x86.avx2.permps"(%k13, %v70) : (vector<8xf32>, vector<8xi32>) -> vector<8xf32>
          %v72 = math.fma %v71, %v69, %v71 : vector<8xf32>
          %v73 = arith.andi %v70, %k14 : vector<8xi32>
          %v74 = arith.shli %v73, %k15 : vector<8xi32>
          %v75 = arith.bitcast %v72 : vector<8xf32> to vector<8xi32>
          %v76 = arith.addi %v75, %v74 : vector<8xi32>
          %v77 = arith.bitcast %v76 : vector<8xi32> to vector<8xf32>
          %v78 = arith.cmpf ole, %v61, %k16 : vector<8xf32>
          %v79 = arith.addf %v61, %k18 : vector<8xf32>
          %v80 = arith.select %v78, %v77, %v79 : vector<8xi1>, vector<8xf32>
          %v81 = arith.cmpf olt, %v61, %k17 : vector<8xf32>
          %v82 = arith.select %v81, %k19, %v80 : vector<8xi1>, vector<8xf32>
          %v83 = arith.addf %v82, %k5 : vector<8xf32>
          %v84 = arith.divf %k4, %v83 : vector<8xf32>
          %v85 = arith.subf %k5, %v84 : vector<8xf32>
          %v86 = arith.mulf %v59, %v59 : vector<8xf32>
          %v87 = math.fma %k20, %v86, %k21 : vector<8xf32>
          %v88 = math.fma %v87, %v86, %k22 : vector<8xf32>
          %v89 = math.fma %v88, %v86, %k23 : vector<8xf32>
          %v90 = math.fma %v89, %v86, %k24 : vector<8xf32>
          %v91 = arith.mulf %v90, %v86 : vector<8xf32>
          %v92 = math.fma %v91, %v59, %v59 : vector<8xf32>
          %v93 = arith.cmpf olt, %v60, %k25 : vector<8xf32>
          %v94 = arith.select %v93, %v92, %v85 : vector<8xi1>, vector<8xf32>
          %v95 = math.copysign %v94, %v59 : vector<8xf32>
          vector.maskedstore %t2[%v11, %v16], %v58, %v95 : memref<3x40xf32>, vector<8xi1>, vector<8xf32>
        }
      }
    }
    return
  }
}
