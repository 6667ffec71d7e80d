module {
  // c = statement 0 of `matmul`
  func.func @s0(%t2: memref<37x45xf32>, %t0: memref<37x29xf32>, %t1: memref<29x45xf32>, %blo: index, %bhi: index) {
    %k13 = arith.constant 0 : index
    %k0 = arith.constant 1 : index
    %k11 = arith.constant 16 : index
    %k4 = arith.constant 2 : index
    %k14 = arith.constant 29 : index
    %k5 = arith.constant 3 : index
    %k10 = arith.constant 32 : index
    %k2 = arith.constant 37 : index
    %k6 = arith.constant 4 : index
    %k1 = arith.constant 45 : index
    %k7 = arith.constant 5 : index
    %k8 = arith.constant 6 : index
    %k9 = arith.constant 7 : index
    %k3 = arith.constant 8 : index
    %k15 = arith.constant dense<0.0> : vector<16xf32>
    %k12 = arith.constant dense<0x00000000> : vector<16xf32>
    scf.for %v1 = %blo to %bhi step %k0 {
      %v3 = arith.remui %v1, %k0 : index
      %v4 = arith.divui %v1, %k0 : index
      %v5 = arith.muli %v3, %k1 : index
      %v6 = arith.addi %v5, %k1 : index
      %v7 = arith.minui %v6, %k1 : index
      %v8 = arith.muli %v4, %k2 : index
      %v9 = arith.addi %v8, %k2 : index
      %v10 = arith.minui %v9, %k2 : index
      %v11 = arith.subi %v10, %v8 : index
      %v12 = arith.divui %v11, %k3 : index
      %v13 = arith.muli %v12, %k3 : index
      %v14 = arith.addi %v8, %v13 : index
      scf.for %v15 = %v8 to %v14 step %k3 {
        %v17 = arith.addi %v15, %k0 : index
        %v18 = arith.addi %v15, %k4 : index
        %v19 = arith.addi %v15, %k5 : index
        %v20 = arith.addi %v15, %k6 : index
        %v21 = arith.addi %v15, %k7 : index
        %v22 = arith.addi %v15, %k8 : index
        %v23 = arith.addi %v15, %k9 : index
        %v24 = arith.subi %v7, %v5 : index
        %v25 = arith.divui %v24, %k10 : index
        %v26 = arith.muli %v25, %k10 : index
        %v27 = arith.addi %v5, %v26 : index
        %v28 = arith.subi %v7, %v27 : index
        %v29 = arith.divui %v28, %k11 : index
        %v30 = arith.muli %v29, %k11 : index
        %v31 = arith.addi %v27, %v30 : index
        scf.for %v32 = %v5 to %v27 step %k10 {
          %v34 = arith.addi %v32, %k11 : index
          %v35 = arith.addi %v32, %k11 : index
          %v36 = arith.addi %v32, %k11 : index
          %v37 = arith.addi %v32, %k11 : index
          %v38 = arith.addi %v32, %k11 : index
          %v39 = arith.addi %v32, %k11 : index
          %v40 = arith.addi %v32, %k11 : index
          %v41 = arith.addi %v32, %k11 : index
          %v43:16 = scf.for %v42 = %k13 to %k14 step %k0 iter_args(%v44 = %k12, %v45 = %k12, %v46 = %k12, %v47 = %k12, %v48 = %k12, %v49 = %k12, %v50 = %k12, %v51 = %k12, %v52 = %k12, %v53 = %k12, %v54 = %k12, %v55 = %k12, %v56 = %k12, %v57 = %k12, %v58 = %k12, %v59 = %k12) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>) {
            %v60 = memref.load %t0[%v15, %v42] : memref<37x29xf32>
            %v61 = vector.broadcast %v60 : f32 to vector<16xf32>
            %v62 = vector.load %t1[%v42, %v32] : memref<29x45xf32>, vector<16xf32>
            %v63 = arith.mulf %v61, %v62 fastmath<contract> : vector<16xf32>
            %v64 = arith.addf %v44, %v63 fastmath<reassoc,contract> : vector<16xf32>
            %v65 = memref.load %t0[%v15, %v42] : memref<37x29xf32>
            %v66 = vector.broadcast %v65 : f32 to vector<16xf32>
            %v67 = vector.load %t1[%v42, %v34] : memref<29x45xf32>, vector<16xf32>
            %v68 = arith.mulf %v66, %v67 fastmath<contract> : vector<16xf32>
            %v69 = arith.addf %v45, %v68 fastmath<reassoc,contract> : vector<16xf32>
            %v70 = memref.load %t0[%v17, %v42] : memref<37x29xf32>
            %v71 = vector.broadcast %v70 : f32 to vector<16xf32>
            %v72 = vector.load %t1[%v42, %v32] : memref<29x45xf32>, vector<16xf32>
            %v73 = arith.mulf %v71, %v72 fastmath<contract> : vector<16xf32>
            %v74 = arith.addf %v46, %v73 fastmath<reassoc,contract> : vector<16xf32>
            %v75 = memref.load %t0[%v17, %v42] : memref<37x29xf32>
            %v76 = vector.broadcast %v75 : f32 to vector<16xf32>
            %v77 = vector.load %t1[%v42, %v35] : memref<29x45xf32>, vector<16xf32>
            %v78 = arith.mulf %v76, %v77 fastmath<contract> : vector<16xf32>
            %v79 = arith.addf %v47, %v78 fastmath<reassoc,contract> : vector<16xf32>
            %v80 = memref.load %t0[%v18, %v42] : memref<37x29xf32>
            %v81 = vector.broadcast %v80 : f32 to vector<16xf32>
            %v82 = vector.load %t1[%v42, %v32] : memref<29x45xf32>, vector<16xf32>
            %v83 = arith.mulf %v81, %v82 fastmath<contract> : vector<16xf32>
            %v84 = arith.addf %v48, %v83 fastmath<reassoc,contract> : vector<16xf32>
            %v85 = memref.load %t0[%v18, %v42] : memref<37x29xf32>
            %v86 = vector.broadcast %v85 : f32 to vector<16xf32>
            %v87 = vector.load %t1[%v42, %v36] : memref<29x45xf32>, vector<16xf32>
            %v88 = arith.mulf %v86, %v87 fastmath<contract> : vector<16xf32>
            %v89 = arith.addf %v49, %v88 fastmath<reassoc,contract> : vector<16xf32>
            %v90 = memref.load %t0[%v19, %v42] : memref<37x29xf32>
            %v91 = vector.broadcast %v90 : f32 to vector<16xf32>
            %v92 = vector.load %t1[%v42, %v32] : memref<29x45xf32>, vector<16xf32>
            %v93 = arith.mulf %v91, %v92 fastmath<contract> : vector<16xf32>
            %v94 = arith.addf %v50, %v93 fastmath<reassoc,contract> : vector<16xf32>
            %v95 = memref.load %t0[%v19, %v42] : memref<37x29xf32>
            %v96 = vector.broadcast %v95 : f32 to vector<16xf32>
            %v97 = vector.load %t1[%v42, %v37] : memref<29x45xf32>, vector<16xf32>
            %v98 = arith.mulf %v96, %v97 fastmath<contract> : vector<16xf32>
            %v99 = arith.addf %v51, %v98 fastmath<reassoc,contract> : vector<16xf32>
            %v100 = memref.load %t0[%v20, %v42] : memref<37x29xf32>
            %v101 = vector.broadcast %v100 : f32 to vector<16xf32>
            %v102 = vector.load %t1[%v42, %v32] : memref<29x45xf32>, vector<16xf32>
            %v103 = arith.mulf %v101, %v102 fastmath<contract> : vector<16xf32>
            %v104 = arith.addf %v52, %v103 fastmath<reassoc,contract> : vector<16xf32>
            %v105 = memref.load %t0[%v20, %v42] : memref<37x29xf32>
            %v106 = vector.broadcast %v105 : f32 to vector<16xf32>
            %v107 = vector.load %t1[%v42, %v38] : memref<29x45xf32>, vector<16xf32>
            %v108 = arith.mulf %v106, %v107 fastmath<contract> : vector<16xf32>
            %v109 = arith.addf %v53, %v108 fastmath<reassoc,contract> : vector<16xf32>
            %v110 = memref.load %t0[%v21, %v42] : memref<37x29xf32>
            %v111 = vector.broadcast %v110 : f32 to vector<16xf32>
            %v112 = vector.load %t1[%v42, %v32] : memref<29x45xf32>, vector<16xf32>
            %v113 = arith.mulf %v111, %v112 fastmath<contract> : vector<16xf32>
            %v114 = arith.addf %v54, %v113 fastmath<reassoc,contract> : vector<16xf32>
            %v115 = memref.load %t0[%v21, %v42] : memref<37x29xf32>
            %v116 = vector.broadcast %v115 : f32 to vector<16xf32>
            %v117 = vector.load %t1[%v42, %v39] : memref<29x45xf32>, vector<16xf32>
            %v118 = arith.mulf %v116, %v117 fastmath<contract> : vector<16xf32>
            %v119 = arith.addf %v55, %v118 fastmath<reassoc,contract> : vector<16xf32>
            %v120 = memref.load %t0[%v22, %v42] : memref<37x29xf32>
            %v121 = vector.broadcast %v120 : f32 to vector<16xf32>
            %v122 = vector.load %t1[%v42, %v32] : memref<29x45xf32>, vector<16xf32>
            %v123 = arith.mulf %v121, %v122 fastmath<contract> : vector<16xf32>
            %v124 = arith.addf %v56, %v123 fastmath<reassoc,contract> : vector<16xf32>
            %v125 = memref.load %t0[%v22, %v42] : memref<37x29xf32>
            %v126 = vector.broadcast %v125 : f32 to vector<16xf32>
            %v127 = vector.load %t1[%v42, %v40] : memref<29x45xf32>, vector<16xf32>
            %v128 = arith.mulf %v126, %v127 fastmath<contract> : vector<16xf32>
            %v129 = arith.addf %v57, %v128 fastmath<reassoc,contract> : vector<16xf32>
            %v130 = memref.load %t0[%v23, %v42] : memref<37x29xf32>
            %v131 = vector.broadcast %v130 : f32 to vector<16xf32>
            %v132 = vector.load %t1[%v42, %v32] : memref<29x45xf32>, vector<16xf32>
            %v133 = arith.mulf %v131, %v132 fastmath<contract> : vector<16xf32>
            %v134 = arith.addf %v58, %v133 fastmath<reassoc,contract> : vector<16xf32>
            %v135 = memref.load %t0[%v23, %v42] : memref<37x29xf32>
            %v136 = vector.broadcast %v135 : f32 to vector<16xf32>
            %v137 = vector.load %t1[%v42, %v41] : memref<29x45xf32>, vector<16xf32>
            %v138 = arith.mulf %v136, %v137 fastmath<contract> : vector<16xf32>
            %v139 = arith.addf %v59, %v138 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v64, %v69, %v74, %v79, %v84, %v89, %v94, %v99, %v104, %v109, %v114, %v119, %v124, %v129, %v134, %v139 : vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>
          }
          vector.store %v43#0, %t2[%v15, %v32] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#1, %t2[%v15, %v34] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#2, %t2[%v17, %v32] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#3, %t2[%v17, %v35] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#4, %t2[%v18, %v32] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#5, %t2[%v18, %v36] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#6, %t2[%v19, %v32] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#7, %t2[%v19, %v37] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#8, %t2[%v20, %v32] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#9, %t2[%v20, %v38] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#10, %t2[%v21, %v32] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#11, %t2[%v21, %v39] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#12, %t2[%v22, %v32] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#13, %t2[%v22, %v40] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#14, %t2[%v23, %v32] : memref<37x45xf32>, vector<16xf32>
          vector.store %v43#15, %t2[%v23, %v41] : memref<37x45xf32>, vector<16xf32>
        }
        scf.for %v140 = %v27 to %v31 step %k11 {
          %v143:8 = scf.for %v142 = %k13 to %k14 step %k0 iter_args(%v144 = %k12, %v145 = %k12, %v146 = %k12, %v147 = %k12, %v148 = %k12, %v149 = %k12, %v150 = %k12, %v151 = %k12) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>) {
            %v152 = memref.load %t0[%v15, %v142] : memref<37x29xf32>
            %v153 = vector.broadcast %v152 : f32 to vector<16xf32>
            %v154 = vector.load %t1[%v142, %v140] : memref<29x45xf32>, vector<16xf32>
            %v155 = arith.mulf %v153, %v154 fastmath<contract> : vector<16xf32>
            %v156 = arith.addf %v144, %v155 fastmath<reassoc,contract> : vector<16xf32>
            %v157 = memref.load %t0[%v17, %v142] : memref<37x29xf32>
            %v158 = vector.broadcast %v157 : f32 to vector<16xf32>
            %v159 = vector.load %t1[%v142, %v140] : memref<29x45xf32>, vector<16xf32>
            %v160 = arith.mulf %v158, %v159 fastmath<contract> : vector<16xf32>
            %v161 = arith.addf %v145, %v160 fastmath<reassoc,contract> : vector<16xf32>
            %v162 = memref.load %t0[%v18, %v142] : memref<37x29xf32>
            %v163 = vector.broadcast %v162 : f32 to vector<16xf32>
            %v164 = vector.load %t1[%v142, %v140] : memref<29x45xf32>, vector<16xf32>
            %v165 = arith.mulf %v163, %v164 fastmath<contract> : vector<16xf32>
            %v166 = arith.addf %v146, %v165 fastmath<reassoc,contract> : vector<16xf32>
            %v167 = memref.load %t0[%v19, %v142] : memref<37x29xf32>
            %v168 = vector.broadcast %v167 : f32 to vector<16xf32>
            %v169 = vector.load %t1[%v142, %v140] : memref<29x45xf32>, vector<16xf32>
            %v170 = arith.mulf %v168, %v169 fastmath<contract> : vector<16xf32>
            %v171 = arith.addf %v147, %v170 fastmath<reassoc,contract> : vector<16xf32>
            %v172 = memref.load %t0[%v20, %v142] : memref<37x29xf32>
            %v173 = vector.broadcast %v172 : f32 to vector<16xf32>
            %v174 = vector.load %t1[%v142, %v140] : memref<29x45xf32>, vector<16xf32>
            %v175 = arith.mulf %v173, %v174 fastmath<contract> : vector<16xf32>
            %v176 = arith.addf %v148, %v175 fastmath<reassoc,contract> : vector<16xf32>
            %v177 = memref.load %t0[%v21, %v142] : memref<37x29xf32>
            %v178 = vector.broadcast %v177 : f32 to vector<16xf32>
            %v179 = vector.load %t1[%v142, %v140] : memref<29x45xf32>, vector<16xf32>
            %v180 = arith.mulf %v178, %v179 fastmath<contract> : vector<16xf32>
            %v181 = arith.addf %v149, %v180 fastmath<reassoc,contract> : vector<16xf32>
            %v182 = memref.load %t0[%v22, %v142] : memref<37x29xf32>
            %v183 = vector.broadcast %v182 : f32 to vector<16xf32>
            %v184 = vector.load %t1[%v142, %v140] : memref<29x45xf32>, vector<16xf32>
            %v185 = arith.mulf %v183, %v184 fastmath<contract> : vector<16xf32>
            %v186 = arith.addf %v150, %v185 fastmath<reassoc,contract> : vector<16xf32>
            %v187 = memref.load %t0[%v23, %v142] : memref<37x29xf32>
            %v188 = vector.broadcast %v187 : f32 to vector<16xf32>
            %v189 = vector.load %t1[%v142, %v140] : memref<29x45xf32>, vector<16xf32>
            %v190 = arith.mulf %v188, %v189 fastmath<contract> : vector<16xf32>
            %v191 = arith.addf %v151, %v190 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v156, %v161, %v166, %v171, %v176, %v181, %v186, %v191 : vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>
          }
          vector.store %v143#0, %t2[%v15, %v140] : memref<37x45xf32>, vector<16xf32>
          vector.store %v143#1, %t2[%v17, %v140] : memref<37x45xf32>, vector<16xf32>
          vector.store %v143#2, %t2[%v18, %v140] : memref<37x45xf32>, vector<16xf32>
          vector.store %v143#3, %t2[%v19, %v140] : memref<37x45xf32>, vector<16xf32>
          vector.store %v143#4, %t2[%v20, %v140] : memref<37x45xf32>, vector<16xf32>
          vector.store %v143#5, %t2[%v21, %v140] : memref<37x45xf32>, vector<16xf32>
          vector.store %v143#6, %t2[%v22, %v140] : memref<37x45xf32>, vector<16xf32>
          vector.store %v143#7, %t2[%v23, %v140] : memref<37x45xf32>, vector<16xf32>
        }
        %v192 = arith.subi %v7, %v31 : index
        %v193 = arith.cmpi ugt, %v192, %k13 : index
        scf.if %v193 {
          %v194 = vector.create_mask %v192 : vector<16xi1>
          %v196:8 = scf.for %v195 = %k13 to %k14 step %k0 iter_args(%v197 = %k12, %v198 = %k12, %v199 = %k12, %v200 = %k12, %v201 = %k12, %v202 = %k12, %v203 = %k12, %v204 = %k12) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>) {
            %v205 = memref.load %t0[%v15, %v195] : memref<37x29xf32>
            %v206 = vector.broadcast %v205 : f32 to vector<16xf32>
            %v207 = vector.maskedload %t1[%v195, %v31], %v194, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v208 = arith.mulf %v206, %v207 fastmath<contract> : vector<16xf32>
            %v209 = arith.addf %v197, %v208 fastmath<reassoc,contract> : vector<16xf32>
            %v210 = memref.load %t0[%v17, %v195] : memref<37x29xf32>
            %v211 = vector.broadcast %v210 : f32 to vector<16xf32>
            %v212 = vector.maskedload %t1[%v195, %v31], %v194, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v213 = arith.mulf %v211, %v212 fastmath<contract> : vector<16xf32>
            %v214 = arith.addf %v198, %v213 fastmath<reassoc,contract> : vector<16xf32>
            %v215 = memref.load %t0[%v18, %v195] : memref<37x29xf32>
            %v216 = vector.broadcast %v215 : f32 to vector<16xf32>
            %v217 = vector.maskedload %t1[%v195, %v31], %v194, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v218 = arith.mulf %v216, %v217 fastmath<contract> : vector<16xf32>
            %v219 = arith.addf %v199, %v218 fastmath<reassoc,contract> : vector<16xf32>
            %v220 = memref.load %t0[%v19, %v195] : memref<37x29xf32>
            %v221 = vector.broadcast %v220 : f32 to vector<16xf32>
            %v222 = vector.maskedload %t1[%v195, %v31], %v194, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v223 = arith.mulf %v221, %v222 fastmath<contract> : vector<16xf32>
            %v224 = arith.addf %v200, %v223 fastmath<reassoc,contract> : vector<16xf32>
            %v225 = memref.load %t0[%v20, %v195] : memref<37x29xf32>
            %v226 = vector.broadcast %v225 : f32 to vector<16xf32>
            %v227 = vector.maskedload %t1[%v195, %v31], %v194, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v228 = arith.mulf %v226, %v227 fastmath<contract> : vector<16xf32>
            %v229 = arith.addf %v201, %v228 fastmath<reassoc,contract> : vector<16xf32>
            %v230 = memref.load %t0[%v21, %v195] : memref<37x29xf32>
            %v231 = vector.broadcast %v230 : f32 to vector<16xf32>
            %v232 = vector.maskedload %t1[%v195, %v31], %v194, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v233 = arith.mulf %v231, %v232 fastmath<contract> : vector<16xf32>
            %v234 = arith.addf %v202, %v233 fastmath<reassoc,contract> : vector<16xf32>
            %v235 = memref.load %t0[%v22, %v195] : memref<37x29xf32>
            %v236 = vector.broadcast %v235 : f32 to vector<16xf32>
            %v237 = vector.maskedload %t1[%v195, %v31], %v194, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v238 = arith.mulf %v236, %v237 fastmath<contract> : vector<16xf32>
            %v239 = arith.addf %v203, %v238 fastmath<reassoc,contract> : vector<16xf32>
            %v240 = memref.load %t0[%v23, %v195] : memref<37x29xf32>
            %v241 = vector.broadcast %v240 : f32 to vector<16xf32>
            %v242 = vector.maskedload %t1[%v195, %v31], %v194, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v243 = arith.mulf %v241, %v242 fastmath<contract> : vector<16xf32>
            %v244 = arith.addf %v204, %v243 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v209, %v214, %v219, %v224, %v229, %v234, %v239, %v244 : vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>
          }
          vector.maskedstore %t2[%v15, %v31], %v194, %v196#0 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v17, %v31], %v194, %v196#1 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v18, %v31], %v194, %v196#2 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v19, %v31], %v194, %v196#3 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v20, %v31], %v194, %v196#4 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v21, %v31], %v194, %v196#5 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v22, %v31], %v194, %v196#6 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v23, %v31], %v194, %v196#7 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
        }
      }
      scf.for %v245 = %v14 to %v10 step %k0 {
        %v247 = arith.subi %v7, %v5 : index
        %v248 = arith.divui %v247, %k10 : index
        %v249 = arith.muli %v248, %k10 : index
        %v250 = arith.addi %v5, %v249 : index
        %v251 = arith.subi %v7, %v250 : index
        %v252 = arith.divui %v251, %k11 : index
        %v253 = arith.muli %v252, %k11 : index
        %v254 = arith.addi %v250, %v253 : index
        scf.for %v255 = %v5 to %v250 step %k10 {
          %v257 = arith.addi %v255, %k11 : index
          %v259:2 = scf.for %v258 = %k13 to %k14 step %k0 iter_args(%v260 = %k12, %v261 = %k12) -> (vector<16xf32>, vector<16xf32>) {
            %v262 = memref.load %t0[%v245, %v258] : memref<37x29xf32>
            %v263 = vector.broadcast %v262 : f32 to vector<16xf32>
            %v264 = vector.load %t1[%v258, %v255] : memref<29x45xf32>, vector<16xf32>
            %v265 = arith.mulf %v263, %v264 fastmath<contract> : vector<16xf32>
            %v266 = arith.addf %v260, %v265 fastmath<reassoc,contract> : vector<16xf32>
            %v267 = memref.load %t0[%v245, %v258] : memref<37x29xf32>
            %v268 = vector.broadcast %v267 : f32 to vector<16xf32>
            %v269 = vector.load %t1[%v258, %v257] : memref<29x45xf32>, vector<16xf32>
            %v270 = arith.mulf %v268, %v269 fastmath<contract> : vector<16xf32>
            %v271 = arith.addf %v261, %v270 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v266, %v271 : vector<16xf32>, vector<16xf32>
          }
          vector.store %v259#0, %t2[%v245, %v255] : memref<37x45xf32>, vector<16xf32>
          vector.store %v259#1, %t2[%v245, %v257] : memref<37x45xf32>, vector<16xf32>
        }
        scf.for %v272 = %v250 to %v254 step %k11 {
          %v275:1 = scf.for %v274 = %k13 to %k14 step %k0 iter_args(%v276 = %k12) -> (vector<16xf32>) {
            %v277 = memref.load %t0[%v245, %v274] : memref<37x29xf32>
            %v278 = vector.broadcast %v277 : f32 to vector<16xf32>
            %v279 = vector.load %t1[%v274, %v272] : memref<29x45xf32>, vector<16xf32>
            %v280 = arith.mulf %v278, %v279 fastmath<contract> : vector<16xf32>
            %v281 = arith.addf %v276, %v280 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v281 : vector<16xf32>
          }
          vector.store %v275#0, %t2[%v245, %v272] : memref<37x45xf32>, vector<16xf32>
        }
        %v282 = arith.subi %v7, %v254 : index
        %v283 = arith.cmpi ugt, %v282, %k13 : index
        scf.if %v283 {
          %v284 = vector.create_mask %v282 : vector<16xi1>
          %v286:1 = scf.for %v285 = %k13 to %k14 step %k0 iter_args(%v287 = %k12) -> (vector<16xf32>) {
            %v288 = memref.load %t0[%v245, %v285] : memref<37x29xf32>
            %v289 = vector.broadcast %v288 : f32 to vector<16xf32>
            %v290 = vector.maskedload %t1[%v285, %v254], %v284, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v291 = arith.mulf %v289, %v290 fastmath<contract> : vector<16xf32>
            %v292 = arith.addf %v287, %v291 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v292 : vector<16xf32>
          }
          vector.maskedstore %t2[%v245, %v254], %v284, %v286#0 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
        }
      }
    }
    return
  }
}
