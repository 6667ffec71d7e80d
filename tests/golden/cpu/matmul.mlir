module {
  // c = statement 0 of `matmul`
  func.func @s0(%t2: memref<37x45xf32>, %t0: memref<37x29xf32>, %t1: memref<29x45xf32>, %blo: index, %bhi: index) {
    %k13 = arith.constant 0 : index
    %k0 = arith.constant 1 : index
    %k5 = arith.constant 16 : index
    %k6 = arith.constant 2 : index
    %k14 = arith.constant 29 : index
    %k7 = arith.constant 3 : index
    %k4 = arith.constant 32 : index
    %k2 = arith.constant 37 : index
    %k8 = arith.constant 4 : index
    %k1 = arith.constant 45 : index
    %k9 = arith.constant 5 : index
    %k10 = arith.constant 6 : index
    %k11 = arith.constant 7 : index
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
        %v17 = arith.subi %v7, %v5 : index
        %v18 = arith.divui %v17, %k4 : index
        %v19 = arith.muli %v18, %k4 : index
        %v20 = arith.addi %v5, %v19 : index
        %v21 = arith.subi %v7, %v20 : index
        %v22 = arith.divui %v21, %k5 : index
        %v23 = arith.muli %v22, %k5 : index
        %v24 = arith.addi %v20, %v23 : index
        scf.for %v25 = %v5 to %v20 step %k4 {
          %v27 = arith.addi %v25, %k5 : index
          %v28 = arith.addi %v15, %k0 : index
          %v29 = arith.addi %v15, %k0 : index
          %v30 = arith.addi %v25, %k5 : index
          %v31 = arith.addi %v15, %k6 : index
          %v32 = arith.addi %v15, %k6 : index
          %v33 = arith.addi %v25, %k5 : index
          %v34 = arith.addi %v15, %k7 : index
          %v35 = arith.addi %v15, %k7 : index
          %v36 = arith.addi %v25, %k5 : index
          %v37 = arith.addi %v15, %k8 : index
          %v38 = arith.addi %v15, %k8 : index
          %v39 = arith.addi %v25, %k5 : index
          %v40 = arith.addi %v15, %k9 : index
          %v41 = arith.addi %v15, %k9 : index
          %v42 = arith.addi %v25, %k5 : index
          %v43 = arith.addi %v15, %k10 : index
          %v44 = arith.addi %v15, %k10 : index
          %v45 = arith.addi %v25, %k5 : index
          %v46 = arith.addi %v15, %k11 : index
          %v47 = arith.addi %v15, %k11 : index
          %v48 = arith.addi %v25, %k5 : index
          %v50:16 = scf.for %v49 = %k13 to %k14 step %k0 iter_args(%v51 = %k12, %v52 = %k12, %v53 = %k12, %v54 = %k12, %v55 = %k12, %v56 = %k12, %v57 = %k12, %v58 = %k12, %v59 = %k12, %v60 = %k12, %v61 = %k12, %v62 = %k12, %v63 = %k12, %v64 = %k12, %v65 = %k12, %v66 = %k12) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>) {
            %v67 = memref.load %t0[%v15, %v49] : memref<37x29xf32>
            %v68 = vector.broadcast %v67 : f32 to vector<16xf32>
            %v69 = vector.load %t1[%v49, %v25] : memref<29x45xf32>, vector<16xf32>
            %v70 = arith.mulf %v68, %v69 fastmath<contract> : vector<16xf32>
            %v71 = arith.addf %v51, %v70 fastmath<reassoc,contract> : vector<16xf32>
            %v72 = memref.load %t0[%v15, %v49] : memref<37x29xf32>
            %v73 = vector.broadcast %v72 : f32 to vector<16xf32>
            %v74 = vector.load %t1[%v49, %v27] : memref<29x45xf32>, vector<16xf32>
            %v75 = arith.mulf %v73, %v74 fastmath<contract> : vector<16xf32>
            %v76 = arith.addf %v52, %v75 fastmath<reassoc,contract> : vector<16xf32>
            %v77 = memref.load %t0[%v28, %v49] : memref<37x29xf32>
            %v78 = vector.broadcast %v77 : f32 to vector<16xf32>
            %v79 = vector.load %t1[%v49, %v25] : memref<29x45xf32>, vector<16xf32>
            %v80 = arith.mulf %v78, %v79 fastmath<contract> : vector<16xf32>
            %v81 = arith.addf %v53, %v80 fastmath<reassoc,contract> : vector<16xf32>
            %v82 = memref.load %t0[%v29, %v49] : memref<37x29xf32>
            %v83 = vector.broadcast %v82 : f32 to vector<16xf32>
            %v84 = vector.load %t1[%v49, %v30] : memref<29x45xf32>, vector<16xf32>
            %v85 = arith.mulf %v83, %v84 fastmath<contract> : vector<16xf32>
            %v86 = arith.addf %v54, %v85 fastmath<reassoc,contract> : vector<16xf32>
            %v87 = memref.load %t0[%v31, %v49] : memref<37x29xf32>
            %v88 = vector.broadcast %v87 : f32 to vector<16xf32>
            %v89 = vector.load %t1[%v49, %v25] : memref<29x45xf32>, vector<16xf32>
            %v90 = arith.mulf %v88, %v89 fastmath<contract> : vector<16xf32>
            %v91 = arith.addf %v55, %v90 fastmath<reassoc,contract> : vector<16xf32>
            %v92 = memref.load %t0[%v32, %v49] : memref<37x29xf32>
            %v93 = vector.broadcast %v92 : f32 to vector<16xf32>
            %v94 = vector.load %t1[%v49, %v33] : memref<29x45xf32>, vector<16xf32>
            %v95 = arith.mulf %v93, %v94 fastmath<contract> : vector<16xf32>
            %v96 = arith.addf %v56, %v95 fastmath<reassoc,contract> : vector<16xf32>
            %v97 = memref.load %t0[%v34, %v49] : memref<37x29xf32>
            %v98 = vector.broadcast %v97 : f32 to vector<16xf32>
            %v99 = vector.load %t1[%v49, %v25] : memref<29x45xf32>, vector<16xf32>
            %v100 = arith.mulf %v98, %v99 fastmath<contract> : vector<16xf32>
            %v101 = arith.addf %v57, %v100 fastmath<reassoc,contract> : vector<16xf32>
            %v102 = memref.load %t0[%v35, %v49] : memref<37x29xf32>
            %v103 = vector.broadcast %v102 : f32 to vector<16xf32>
            %v104 = vector.load %t1[%v49, %v36] : memref<29x45xf32>, vector<16xf32>
            %v105 = arith.mulf %v103, %v104 fastmath<contract> : vector<16xf32>
            %v106 = arith.addf %v58, %v105 fastmath<reassoc,contract> : vector<16xf32>
            %v107 = memref.load %t0[%v37, %v49] : memref<37x29xf32>
            %v108 = vector.broadcast %v107 : f32 to vector<16xf32>
            %v109 = vector.load %t1[%v49, %v25] : memref<29x45xf32>, vector<16xf32>
            %v110 = arith.mulf %v108, %v109 fastmath<contract> : vector<16xf32>
            %v111 = arith.addf %v59, %v110 fastmath<reassoc,contract> : vector<16xf32>
            %v112 = memref.load %t0[%v38, %v49] : memref<37x29xf32>
            %v113 = vector.broadcast %v112 : f32 to vector<16xf32>
            %v114 = vector.load %t1[%v49, %v39] : memref<29x45xf32>, vector<16xf32>
            %v115 = arith.mulf %v113, %v114 fastmath<contract> : vector<16xf32>
            %v116 = arith.addf %v60, %v115 fastmath<reassoc,contract> : vector<16xf32>
            %v117 = memref.load %t0[%v40, %v49] : memref<37x29xf32>
            %v118 = vector.broadcast %v117 : f32 to vector<16xf32>
            %v119 = vector.load %t1[%v49, %v25] : memref<29x45xf32>, vector<16xf32>
            %v120 = arith.mulf %v118, %v119 fastmath<contract> : vector<16xf32>
            %v121 = arith.addf %v61, %v120 fastmath<reassoc,contract> : vector<16xf32>
            %v122 = memref.load %t0[%v41, %v49] : memref<37x29xf32>
            %v123 = vector.broadcast %v122 : f32 to vector<16xf32>
            %v124 = vector.load %t1[%v49, %v42] : memref<29x45xf32>, vector<16xf32>
            %v125 = arith.mulf %v123, %v124 fastmath<contract> : vector<16xf32>
            %v126 = arith.addf %v62, %v125 fastmath<reassoc,contract> : vector<16xf32>
            %v127 = memref.load %t0[%v43, %v49] : memref<37x29xf32>
            %v128 = vector.broadcast %v127 : f32 to vector<16xf32>
            %v129 = vector.load %t1[%v49, %v25] : memref<29x45xf32>, vector<16xf32>
            %v130 = arith.mulf %v128, %v129 fastmath<contract> : vector<16xf32>
            %v131 = arith.addf %v63, %v130 fastmath<reassoc,contract> : vector<16xf32>
            %v132 = memref.load %t0[%v44, %v49] : memref<37x29xf32>
            %v133 = vector.broadcast %v132 : f32 to vector<16xf32>
            %v134 = vector.load %t1[%v49, %v45] : memref<29x45xf32>, vector<16xf32>
            %v135 = arith.mulf %v133, %v134 fastmath<contract> : vector<16xf32>
            %v136 = arith.addf %v64, %v135 fastmath<reassoc,contract> : vector<16xf32>
            %v137 = memref.load %t0[%v46, %v49] : memref<37x29xf32>
            %v138 = vector.broadcast %v137 : f32 to vector<16xf32>
            %v139 = vector.load %t1[%v49, %v25] : memref<29x45xf32>, vector<16xf32>
            %v140 = arith.mulf %v138, %v139 fastmath<contract> : vector<16xf32>
            %v141 = arith.addf %v65, %v140 fastmath<reassoc,contract> : vector<16xf32>
            %v142 = memref.load %t0[%v47, %v49] : memref<37x29xf32>
            %v143 = vector.broadcast %v142 : f32 to vector<16xf32>
            %v144 = vector.load %t1[%v49, %v48] : memref<29x45xf32>, vector<16xf32>
            %v145 = arith.mulf %v143, %v144 fastmath<contract> : vector<16xf32>
            %v146 = arith.addf %v66, %v145 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v71, %v76, %v81, %v86, %v91, %v96, %v101, %v106, %v111, %v116, %v121, %v126, %v131, %v136, %v141, %v146 : vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>
          }
          vector.store %v50#0, %t2[%v15, %v25] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#1, %t2[%v15, %v27] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#2, %t2[%v28, %v25] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#3, %t2[%v29, %v30] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#4, %t2[%v31, %v25] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#5, %t2[%v32, %v33] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#6, %t2[%v34, %v25] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#7, %t2[%v35, %v36] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#8, %t2[%v37, %v25] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#9, %t2[%v38, %v39] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#10, %t2[%v40, %v25] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#11, %t2[%v41, %v42] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#12, %t2[%v43, %v25] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#13, %t2[%v44, %v45] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#14, %t2[%v46, %v25] : memref<37x45xf32>, vector<16xf32>
          vector.store %v50#15, %t2[%v47, %v48] : memref<37x45xf32>, vector<16xf32>
        }
        scf.for %v147 = %v20 to %v24 step %k5 {
          %v149 = arith.addi %v15, %k0 : index
          %v150 = arith.addi %v15, %k6 : index
          %v151 = arith.addi %v15, %k7 : index
          %v152 = arith.addi %v15, %k8 : index
          %v153 = arith.addi %v15, %k9 : index
          %v154 = arith.addi %v15, %k10 : index
          %v155 = arith.addi %v15, %k11 : index
          %v157:8 = scf.for %v156 = %k13 to %k14 step %k0 iter_args(%v158 = %k12, %v159 = %k12, %v160 = %k12, %v161 = %k12, %v162 = %k12, %v163 = %k12, %v164 = %k12, %v165 = %k12) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>) {
            %v166 = memref.load %t0[%v15, %v156] : memref<37x29xf32>
            %v167 = vector.broadcast %v166 : f32 to vector<16xf32>
            %v168 = vector.load %t1[%v156, %v147] : memref<29x45xf32>, vector<16xf32>
            %v169 = arith.mulf %v167, %v168 fastmath<contract> : vector<16xf32>
            %v170 = arith.addf %v158, %v169 fastmath<reassoc,contract> : vector<16xf32>
            %v171 = memref.load %t0[%v149, %v156] : memref<37x29xf32>
            %v172 = vector.broadcast %v171 : f32 to vector<16xf32>
            %v173 = vector.load %t1[%v156, %v147] : memref<29x45xf32>, vector<16xf32>
            %v174 = arith.mulf %v172, %v173 fastmath<contract> : vector<16xf32>
            %v175 = arith.addf %v159, %v174 fastmath<reassoc,contract> : vector<16xf32>
            %v176 = memref.load %t0[%v150, %v156] : memref<37x29xf32>
            %v177 = vector.broadcast %v176 : f32 to vector<16xf32>
            %v178 = vector.load %t1[%v156, %v147] : memref<29x45xf32>, vector<16xf32>
            %v179 = arith.mulf %v177, %v178 fastmath<contract> : vector<16xf32>
            %v180 = arith.addf %v160, %v179 fastmath<reassoc,contract> : vector<16xf32>
            %v181 = memref.load %t0[%v151, %v156] : memref<37x29xf32>
            %v182 = vector.broadcast %v181 : f32 to vector<16xf32>
            %v183 = vector.load %t1[%v156, %v147] : memref<29x45xf32>, vector<16xf32>
            %v184 = arith.mulf %v182, %v183 fastmath<contract> : vector<16xf32>
            %v185 = arith.addf %v161, %v184 fastmath<reassoc,contract> : vector<16xf32>
            %v186 = memref.load %t0[%v152, %v156] : memref<37x29xf32>
            %v187 = vector.broadcast %v186 : f32 to vector<16xf32>
            %v188 = vector.load %t1[%v156, %v147] : memref<29x45xf32>, vector<16xf32>
            %v189 = arith.mulf %v187, %v188 fastmath<contract> : vector<16xf32>
            %v190 = arith.addf %v162, %v189 fastmath<reassoc,contract> : vector<16xf32>
            %v191 = memref.load %t0[%v153, %v156] : memref<37x29xf32>
            %v192 = vector.broadcast %v191 : f32 to vector<16xf32>
            %v193 = vector.load %t1[%v156, %v147] : memref<29x45xf32>, vector<16xf32>
            %v194 = arith.mulf %v192, %v193 fastmath<contract> : vector<16xf32>
            %v195 = arith.addf %v163, %v194 fastmath<reassoc,contract> : vector<16xf32>
            %v196 = memref.load %t0[%v154, %v156] : memref<37x29xf32>
            %v197 = vector.broadcast %v196 : f32 to vector<16xf32>
            %v198 = vector.load %t1[%v156, %v147] : memref<29x45xf32>, vector<16xf32>
            %v199 = arith.mulf %v197, %v198 fastmath<contract> : vector<16xf32>
            %v200 = arith.addf %v164, %v199 fastmath<reassoc,contract> : vector<16xf32>
            %v201 = memref.load %t0[%v155, %v156] : memref<37x29xf32>
            %v202 = vector.broadcast %v201 : f32 to vector<16xf32>
            %v203 = vector.load %t1[%v156, %v147] : memref<29x45xf32>, vector<16xf32>
            %v204 = arith.mulf %v202, %v203 fastmath<contract> : vector<16xf32>
            %v205 = arith.addf %v165, %v204 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v170, %v175, %v180, %v185, %v190, %v195, %v200, %v205 : vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>
          }
          vector.store %v157#0, %t2[%v15, %v147] : memref<37x45xf32>, vector<16xf32>
          vector.store %v157#1, %t2[%v149, %v147] : memref<37x45xf32>, vector<16xf32>
          vector.store %v157#2, %t2[%v150, %v147] : memref<37x45xf32>, vector<16xf32>
          vector.store %v157#3, %t2[%v151, %v147] : memref<37x45xf32>, vector<16xf32>
          vector.store %v157#4, %t2[%v152, %v147] : memref<37x45xf32>, vector<16xf32>
          vector.store %v157#5, %t2[%v153, %v147] : memref<37x45xf32>, vector<16xf32>
          vector.store %v157#6, %t2[%v154, %v147] : memref<37x45xf32>, vector<16xf32>
          vector.store %v157#7, %t2[%v155, %v147] : memref<37x45xf32>, vector<16xf32>
        }
        %v206 = arith.subi %v7, %v24 : index
        %v207 = arith.cmpi ugt, %v206, %k13 : index
        scf.if %v207 {
          %v208 = vector.create_mask %v206 : vector<16xi1>
          %v209 = arith.addi %v15, %k0 : index
          %v210 = arith.addi %v15, %k6 : index
          %v211 = arith.addi %v15, %k7 : index
          %v212 = arith.addi %v15, %k8 : index
          %v213 = arith.addi %v15, %k9 : index
          %v214 = arith.addi %v15, %k10 : index
          %v215 = arith.addi %v15, %k11 : index
          %v217:8 = scf.for %v216 = %k13 to %k14 step %k0 iter_args(%v218 = %k12, %v219 = %k12, %v220 = %k12, %v221 = %k12, %v222 = %k12, %v223 = %k12, %v224 = %k12, %v225 = %k12) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>) {
            %v226 = memref.load %t0[%v15, %v216] : memref<37x29xf32>
            %v227 = vector.broadcast %v226 : f32 to vector<16xf32>
            %v228 = vector.maskedload %t1[%v216, %v24], %v208, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v229 = arith.mulf %v227, %v228 fastmath<contract> : vector<16xf32>
            %v230 = arith.addf %v218, %v229 fastmath<reassoc,contract> : vector<16xf32>
            %v231 = memref.load %t0[%v209, %v216] : memref<37x29xf32>
            %v232 = vector.broadcast %v231 : f32 to vector<16xf32>
            %v233 = vector.maskedload %t1[%v216, %v24], %v208, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v234 = arith.mulf %v232, %v233 fastmath<contract> : vector<16xf32>
            %v235 = arith.addf %v219, %v234 fastmath<reassoc,contract> : vector<16xf32>
            %v236 = memref.load %t0[%v210, %v216] : memref<37x29xf32>
            %v237 = vector.broadcast %v236 : f32 to vector<16xf32>
            %v238 = vector.maskedload %t1[%v216, %v24], %v208, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v239 = arith.mulf %v237, %v238 fastmath<contract> : vector<16xf32>
            %v240 = arith.addf %v220, %v239 fastmath<reassoc,contract> : vector<16xf32>
            %v241 = memref.load %t0[%v211, %v216] : memref<37x29xf32>
            %v242 = vector.broadcast %v241 : f32 to vector<16xf32>
            %v243 = vector.maskedload %t1[%v216, %v24], %v208, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v244 = arith.mulf %v242, %v243 fastmath<contract> : vector<16xf32>
            %v245 = arith.addf %v221, %v244 fastmath<reassoc,contract> : vector<16xf32>
            %v246 = memref.load %t0[%v212, %v216] : memref<37x29xf32>
            %v247 = vector.broadcast %v246 : f32 to vector<16xf32>
            %v248 = vector.maskedload %t1[%v216, %v24], %v208, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v249 = arith.mulf %v247, %v248 fastmath<contract> : vector<16xf32>
            %v250 = arith.addf %v222, %v249 fastmath<reassoc,contract> : vector<16xf32>
            %v251 = memref.load %t0[%v213, %v216] : memref<37x29xf32>
            %v252 = vector.broadcast %v251 : f32 to vector<16xf32>
            %v253 = vector.maskedload %t1[%v216, %v24], %v208, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v254 = arith.mulf %v252, %v253 fastmath<contract> : vector<16xf32>
            %v255 = arith.addf %v223, %v254 fastmath<reassoc,contract> : vector<16xf32>
            %v256 = memref.load %t0[%v214, %v216] : memref<37x29xf32>
            %v257 = vector.broadcast %v256 : f32 to vector<16xf32>
            %v258 = vector.maskedload %t1[%v216, %v24], %v208, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v259 = arith.mulf %v257, %v258 fastmath<contract> : vector<16xf32>
            %v260 = arith.addf %v224, %v259 fastmath<reassoc,contract> : vector<16xf32>
            %v261 = memref.load %t0[%v215, %v216] : memref<37x29xf32>
            %v262 = vector.broadcast %v261 : f32 to vector<16xf32>
            %v263 = vector.maskedload %t1[%v216, %v24], %v208, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v264 = arith.mulf %v262, %v263 fastmath<contract> : vector<16xf32>
            %v265 = arith.addf %v225, %v264 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v230, %v235, %v240, %v245, %v250, %v255, %v260, %v265 : vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>
          }
          vector.maskedstore %t2[%v15, %v24], %v208, %v217#0 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v209, %v24], %v208, %v217#1 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v210, %v24], %v208, %v217#2 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v211, %v24], %v208, %v217#3 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v212, %v24], %v208, %v217#4 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v213, %v24], %v208, %v217#5 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v214, %v24], %v208, %v217#6 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
          vector.maskedstore %t2[%v215, %v24], %v208, %v217#7 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
        }
      }
      scf.for %v266 = %v14 to %v10 step %k0 {
        %v268 = arith.subi %v7, %v5 : index
        %v269 = arith.divui %v268, %k4 : index
        %v270 = arith.muli %v269, %k4 : index
        %v271 = arith.addi %v5, %v270 : index
        %v272 = arith.subi %v7, %v271 : index
        %v273 = arith.divui %v272, %k5 : index
        %v274 = arith.muli %v273, %k5 : index
        %v275 = arith.addi %v271, %v274 : index
        scf.for %v276 = %v5 to %v271 step %k4 {
          %v278 = arith.addi %v276, %k5 : index
          %v280:2 = scf.for %v279 = %k13 to %k14 step %k0 iter_args(%v281 = %k12, %v282 = %k12) -> (vector<16xf32>, vector<16xf32>) {
            %v283 = memref.load %t0[%v266, %v279] : memref<37x29xf32>
            %v284 = vector.broadcast %v283 : f32 to vector<16xf32>
            %v285 = vector.load %t1[%v279, %v276] : memref<29x45xf32>, vector<16xf32>
            %v286 = arith.mulf %v284, %v285 fastmath<contract> : vector<16xf32>
            %v287 = arith.addf %v281, %v286 fastmath<reassoc,contract> : vector<16xf32>
            %v288 = memref.load %t0[%v266, %v279] : memref<37x29xf32>
            %v289 = vector.broadcast %v288 : f32 to vector<16xf32>
            %v290 = vector.load %t1[%v279, %v278] : memref<29x45xf32>, vector<16xf32>
            %v291 = arith.mulf %v289, %v290 fastmath<contract> : vector<16xf32>
            %v292 = arith.addf %v282, %v291 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v287, %v292 : vector<16xf32>, vector<16xf32>
          }
          vector.store %v280#0, %t2[%v266, %v276] : memref<37x45xf32>, vector<16xf32>
          vector.store %v280#1, %t2[%v266, %v278] : memref<37x45xf32>, vector<16xf32>
        }
        scf.for %v293 = %v271 to %v275 step %k5 {
          %v296:1 = scf.for %v295 = %k13 to %k14 step %k0 iter_args(%v297 = %k12) -> (vector<16xf32>) {
            %v298 = memref.load %t0[%v266, %v295] : memref<37x29xf32>
            %v299 = vector.broadcast %v298 : f32 to vector<16xf32>
            %v300 = vector.load %t1[%v295, %v293] : memref<29x45xf32>, vector<16xf32>
            %v301 = arith.mulf %v299, %v300 fastmath<contract> : vector<16xf32>
            %v302 = arith.addf %v297, %v301 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v302 : vector<16xf32>
          }
          vector.store %v296#0, %t2[%v266, %v293] : memref<37x45xf32>, vector<16xf32>
        }
        %v303 = arith.subi %v7, %v275 : index
        %v304 = arith.cmpi ugt, %v303, %k13 : index
        scf.if %v304 {
          %v305 = vector.create_mask %v303 : vector<16xi1>
          %v307:1 = scf.for %v306 = %k13 to %k14 step %k0 iter_args(%v308 = %k12) -> (vector<16xf32>) {
            %v309 = memref.load %t0[%v266, %v306] : memref<37x29xf32>
            %v310 = vector.broadcast %v309 : f32 to vector<16xf32>
            %v311 = vector.maskedload %t1[%v306, %v275], %v305, %k15 : memref<29x45xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
            %v312 = arith.mulf %v310, %v311 fastmath<contract> : vector<16xf32>
            %v313 = arith.addf %v308, %v312 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v313 : vector<16xf32>
          }
          vector.maskedstore %t2[%v266, %v275], %v305, %v307#0 : memref<37x45xf32>, vector<16xi1>, vector<16xf32>
        }
      }
    }
    return
  }
}
