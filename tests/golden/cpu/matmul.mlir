module {
  // c = statement 0 of `matmul`
  func.func @s0(%t2: memref<37x45xf32>, %t0: memref<37x29xf32>, %t1: memref<29x45xf32>, %blo: index, %bhi: index) {
    %k13 = arith.constant 0 : index
    %k15 = arith.constant 0x00000000 : f32
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
        scf.for %v21 = %v5 to %v20 step %k4 {
          %v23 = arith.addi %v21, %k5 : index
          %v24 = arith.addi %v15, %k0 : index
          %v25 = arith.addi %v15, %k0 : index
          %v26 = arith.addi %v21, %k5 : index
          %v27 = arith.addi %v15, %k6 : index
          %v28 = arith.addi %v15, %k6 : index
          %v29 = arith.addi %v21, %k5 : index
          %v30 = arith.addi %v15, %k7 : index
          %v31 = arith.addi %v15, %k7 : index
          %v32 = arith.addi %v21, %k5 : index
          %v33 = arith.addi %v15, %k8 : index
          %v34 = arith.addi %v15, %k8 : index
          %v35 = arith.addi %v21, %k5 : index
          %v36 = arith.addi %v15, %k9 : index
          %v37 = arith.addi %v15, %k9 : index
          %v38 = arith.addi %v21, %k5 : index
          %v39 = arith.addi %v15, %k10 : index
          %v40 = arith.addi %v15, %k10 : index
          %v41 = arith.addi %v21, %k5 : index
          %v42 = arith.addi %v15, %k11 : index
          %v43 = arith.addi %v15, %k11 : index
          %v44 = arith.addi %v21, %k5 : index
          %v46:16 = scf.for %v45 = %k13 to %k14 step %k0 iter_args(%v47 = %k12, %v48 = %k12, %v49 = %k12, %v50 = %k12, %v51 = %k12, %v52 = %k12, %v53 = %k12, %v54 = %k12, %v55 = %k12, %v56 = %k12, %v57 = %k12, %v58 = %k12, %v59 = %k12, %v60 = %k12, %v61 = %k12, %v62 = %k12) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>) {
            %v63 = memref.load %t0[%v15, %v45] : memref<37x29xf32>
            %v64 = vector.broadcast %v63 : f32 to vector<16xf32>
            %v65 = vector.load %t1[%v45, %v21] : memref<29x45xf32>, vector<16xf32>
            %v66 = arith.mulf %v64, %v65 fastmath<contract> : vector<16xf32>
            %v67 = arith.addf %v47, %v66 fastmath<reassoc,contract> : vector<16xf32>
            %v68 = memref.load %t0[%v15, %v45] : memref<37x29xf32>
            %v69 = vector.broadcast %v68 : f32 to vector<16xf32>
            %v70 = vector.load %t1[%v45, %v23] : memref<29x45xf32>, vector<16xf32>
            %v71 = arith.mulf %v69, %v70 fastmath<contract> : vector<16xf32>
            %v72 = arith.addf %v48, %v71 fastmath<reassoc,contract> : vector<16xf32>
            %v73 = memref.load %t0[%v24, %v45] : memref<37x29xf32>
            %v74 = vector.broadcast %v73 : f32 to vector<16xf32>
            %v75 = vector.load %t1[%v45, %v21] : memref<29x45xf32>, vector<16xf32>
            %v76 = arith.mulf %v74, %v75 fastmath<contract> : vector<16xf32>
            %v77 = arith.addf %v49, %v76 fastmath<reassoc,contract> : vector<16xf32>
            %v78 = memref.load %t0[%v25, %v45] : memref<37x29xf32>
            %v79 = vector.broadcast %v78 : f32 to vector<16xf32>
            %v80 = vector.load %t1[%v45, %v26] : memref<29x45xf32>, vector<16xf32>
            %v81 = arith.mulf %v79, %v80 fastmath<contract> : vector<16xf32>
            %v82 = arith.addf %v50, %v81 fastmath<reassoc,contract> : vector<16xf32>
            %v83 = memref.load %t0[%v27, %v45] : memref<37x29xf32>
            %v84 = vector.broadcast %v83 : f32 to vector<16xf32>
            %v85 = vector.load %t1[%v45, %v21] : memref<29x45xf32>, vector<16xf32>
            %v86 = arith.mulf %v84, %v85 fastmath<contract> : vector<16xf32>
            %v87 = arith.addf %v51, %v86 fastmath<reassoc,contract> : vector<16xf32>
            %v88 = memref.load %t0[%v28, %v45] : memref<37x29xf32>
            %v89 = vector.broadcast %v88 : f32 to vector<16xf32>
            %v90 = vector.load %t1[%v45, %v29] : memref<29x45xf32>, vector<16xf32>
            %v91 = arith.mulf %v89, %v90 fastmath<contract> : vector<16xf32>
            %v92 = arith.addf %v52, %v91 fastmath<reassoc,contract> : vector<16xf32>
            %v93 = memref.load %t0[%v30, %v45] : memref<37x29xf32>
            %v94 = vector.broadcast %v93 : f32 to vector<16xf32>
            %v95 = vector.load %t1[%v45, %v21] : memref<29x45xf32>, vector<16xf32>
            %v96 = arith.mulf %v94, %v95 fastmath<contract> : vector<16xf32>
            %v97 = arith.addf %v53, %v96 fastmath<reassoc,contract> : vector<16xf32>
            %v98 = memref.load %t0[%v31, %v45] : memref<37x29xf32>
            %v99 = vector.broadcast %v98 : f32 to vector<16xf32>
            %v100 = vector.load %t1[%v45, %v32] : memref<29x45xf32>, vector<16xf32>
            %v101 = arith.mulf %v99, %v100 fastmath<contract> : vector<16xf32>
            %v102 = arith.addf %v54, %v101 fastmath<reassoc,contract> : vector<16xf32>
            %v103 = memref.load %t0[%v33, %v45] : memref<37x29xf32>
            %v104 = vector.broadcast %v103 : f32 to vector<16xf32>
            %v105 = vector.load %t1[%v45, %v21] : memref<29x45xf32>, vector<16xf32>
            %v106 = arith.mulf %v104, %v105 fastmath<contract> : vector<16xf32>
            %v107 = arith.addf %v55, %v106 fastmath<reassoc,contract> : vector<16xf32>
            %v108 = memref.load %t0[%v34, %v45] : memref<37x29xf32>
            %v109 = vector.broadcast %v108 : f32 to vector<16xf32>
            %v110 = vector.load %t1[%v45, %v35] : memref<29x45xf32>, vector<16xf32>
            %v111 = arith.mulf %v109, %v110 fastmath<contract> : vector<16xf32>
            %v112 = arith.addf %v56, %v111 fastmath<reassoc,contract> : vector<16xf32>
            %v113 = memref.load %t0[%v36, %v45] : memref<37x29xf32>
            %v114 = vector.broadcast %v113 : f32 to vector<16xf32>
            %v115 = vector.load %t1[%v45, %v21] : memref<29x45xf32>, vector<16xf32>
            %v116 = arith.mulf %v114, %v115 fastmath<contract> : vector<16xf32>
            %v117 = arith.addf %v57, %v116 fastmath<reassoc,contract> : vector<16xf32>
            %v118 = memref.load %t0[%v37, %v45] : memref<37x29xf32>
            %v119 = vector.broadcast %v118 : f32 to vector<16xf32>
            %v120 = vector.load %t1[%v45, %v38] : memref<29x45xf32>, vector<16xf32>
            %v121 = arith.mulf %v119, %v120 fastmath<contract> : vector<16xf32>
            %v122 = arith.addf %v58, %v121 fastmath<reassoc,contract> : vector<16xf32>
            %v123 = memref.load %t0[%v39, %v45] : memref<37x29xf32>
            %v124 = vector.broadcast %v123 : f32 to vector<16xf32>
            %v125 = vector.load %t1[%v45, %v21] : memref<29x45xf32>, vector<16xf32>
            %v126 = arith.mulf %v124, %v125 fastmath<contract> : vector<16xf32>
            %v127 = arith.addf %v59, %v126 fastmath<reassoc,contract> : vector<16xf32>
            %v128 = memref.load %t0[%v40, %v45] : memref<37x29xf32>
            %v129 = vector.broadcast %v128 : f32 to vector<16xf32>
            %v130 = vector.load %t1[%v45, %v41] : memref<29x45xf32>, vector<16xf32>
            %v131 = arith.mulf %v129, %v130 fastmath<contract> : vector<16xf32>
            %v132 = arith.addf %v60, %v131 fastmath<reassoc,contract> : vector<16xf32>
            %v133 = memref.load %t0[%v42, %v45] : memref<37x29xf32>
            %v134 = vector.broadcast %v133 : f32 to vector<16xf32>
            %v135 = vector.load %t1[%v45, %v21] : memref<29x45xf32>, vector<16xf32>
            %v136 = arith.mulf %v134, %v135 fastmath<contract> : vector<16xf32>
            %v137 = arith.addf %v61, %v136 fastmath<reassoc,contract> : vector<16xf32>
            %v138 = memref.load %t0[%v43, %v45] : memref<37x29xf32>
            %v139 = vector.broadcast %v138 : f32 to vector<16xf32>
            %v140 = vector.load %t1[%v45, %v44] : memref<29x45xf32>, vector<16xf32>
            %v141 = arith.mulf %v139, %v140 fastmath<contract> : vector<16xf32>
            %v142 = arith.addf %v62, %v141 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v67, %v72, %v77, %v82, %v87, %v92, %v97, %v102, %v107, %v112, %v117, %v122, %v127, %v132, %v137, %v142 : vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>
          }
          vector.store %v46#0, %t2[%v15, %v21] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#1, %t2[%v15, %v23] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#2, %t2[%v24, %v21] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#3, %t2[%v25, %v26] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#4, %t2[%v27, %v21] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#5, %t2[%v28, %v29] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#6, %t2[%v30, %v21] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#7, %t2[%v31, %v32] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#8, %t2[%v33, %v21] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#9, %t2[%v34, %v35] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#10, %t2[%v36, %v21] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#11, %t2[%v37, %v38] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#12, %t2[%v39, %v21] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#13, %t2[%v40, %v41] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#14, %t2[%v42, %v21] : memref<37x45xf32>, vector<16xf32>
          vector.store %v46#15, %t2[%v43, %v44] : memref<37x45xf32>, vector<16xf32>
        }
        scf.for %v143 = %v20 to %v7 step %k0 {
          %v145 = arith.addi %v15, %k0 : index
          %v146 = arith.addi %v15, %k6 : index
          %v147 = arith.addi %v15, %k7 : index
          %v148 = arith.addi %v15, %k8 : index
          %v149 = arith.addi %v15, %k9 : index
          %v150 = arith.addi %v15, %k10 : index
          %v151 = arith.addi %v15, %k11 : index
          %v153:8 = scf.for %v152 = %k13 to %k14 step %k0 iter_args(%v154 = %k15, %v155 = %k15, %v156 = %k15, %v157 = %k15, %v158 = %k15, %v159 = %k15, %v160 = %k15, %v161 = %k15) -> (f32, f32, f32, f32, f32, f32, f32, f32) {
            %v162 = memref.load %t0[%v15, %v152] : memref<37x29xf32>
            %v163 = memref.load %t1[%v152, %v143] : memref<29x45xf32>
            %v164 = arith.mulf %v162, %v163 fastmath<contract> : f32
            %v165 = arith.addf %v154, %v164 fastmath<reassoc,contract> : f32
            %v166 = memref.load %t0[%v145, %v152] : memref<37x29xf32>
            %v167 = memref.load %t1[%v152, %v143] : memref<29x45xf32>
            %v168 = arith.mulf %v166, %v167 fastmath<contract> : f32
            %v169 = arith.addf %v155, %v168 fastmath<reassoc,contract> : f32
            %v170 = memref.load %t0[%v146, %v152] : memref<37x29xf32>
            %v171 = memref.load %t1[%v152, %v143] : memref<29x45xf32>
            %v172 = arith.mulf %v170, %v171 fastmath<contract> : f32
            %v173 = arith.addf %v156, %v172 fastmath<reassoc,contract> : f32
            %v174 = memref.load %t0[%v147, %v152] : memref<37x29xf32>
            %v175 = memref.load %t1[%v152, %v143] : memref<29x45xf32>
            %v176 = arith.mulf %v174, %v175 fastmath<contract> : f32
            %v177 = arith.addf %v157, %v176 fastmath<reassoc,contract> : f32
            %v178 = memref.load %t0[%v148, %v152] : memref<37x29xf32>
            %v179 = memref.load %t1[%v152, %v143] : memref<29x45xf32>
            %v180 = arith.mulf %v178, %v179 fastmath<contract> : f32
            %v181 = arith.addf %v158, %v180 fastmath<reassoc,contract> : f32
            %v182 = memref.load %t0[%v149, %v152] : memref<37x29xf32>
            %v183 = memref.load %t1[%v152, %v143] : memref<29x45xf32>
            %v184 = arith.mulf %v182, %v183 fastmath<contract> : f32
            %v185 = arith.addf %v159, %v184 fastmath<reassoc,contract> : f32
            %v186 = memref.load %t0[%v150, %v152] : memref<37x29xf32>
            %v187 = memref.load %t1[%v152, %v143] : memref<29x45xf32>
            %v188 = arith.mulf %v186, %v187 fastmath<contract> : f32
            %v189 = arith.addf %v160, %v188 fastmath<reassoc,contract> : f32
            %v190 = memref.load %t0[%v151, %v152] : memref<37x29xf32>
            %v191 = memref.load %t1[%v152, %v143] : memref<29x45xf32>
            %v192 = arith.mulf %v190, %v191 fastmath<contract> : f32
            %v193 = arith.addf %v161, %v192 fastmath<reassoc,contract> : f32
            scf.yield %v165, %v169, %v173, %v177, %v181, %v185, %v189, %v193 : f32, f32, f32, f32, f32, f32, f32, f32
          }
          memref.store %v153#0, %t2[%v15, %v143] : memref<37x45xf32>
          memref.store %v153#1, %t2[%v145, %v143] : memref<37x45xf32>
          memref.store %v153#2, %t2[%v146, %v143] : memref<37x45xf32>
          memref.store %v153#3, %t2[%v147, %v143] : memref<37x45xf32>
          memref.store %v153#4, %t2[%v148, %v143] : memref<37x45xf32>
          memref.store %v153#5, %t2[%v149, %v143] : memref<37x45xf32>
          memref.store %v153#6, %t2[%v150, %v143] : memref<37x45xf32>
          memref.store %v153#7, %t2[%v151, %v143] : memref<37x45xf32>
        }
      }
      scf.for %v194 = %v14 to %v10 step %k0 {
        %v196 = arith.subi %v7, %v5 : index
        %v197 = arith.divui %v196, %k4 : index
        %v198 = arith.muli %v197, %k4 : index
        %v199 = arith.addi %v5, %v198 : index
        scf.for %v200 = %v5 to %v199 step %k4 {
          %v202 = arith.addi %v200, %k5 : index
          %v204:2 = scf.for %v203 = %k13 to %k14 step %k0 iter_args(%v205 = %k12, %v206 = %k12) -> (vector<16xf32>, vector<16xf32>) {
            %v207 = memref.load %t0[%v194, %v203] : memref<37x29xf32>
            %v208 = vector.broadcast %v207 : f32 to vector<16xf32>
            %v209 = vector.load %t1[%v203, %v200] : memref<29x45xf32>, vector<16xf32>
            %v210 = arith.mulf %v208, %v209 fastmath<contract> : vector<16xf32>
            %v211 = arith.addf %v205, %v210 fastmath<reassoc,contract> : vector<16xf32>
            %v212 = memref.load %t0[%v194, %v203] : memref<37x29xf32>
            %v213 = vector.broadcast %v212 : f32 to vector<16xf32>
            %v214 = vector.load %t1[%v203, %v202] : memref<29x45xf32>, vector<16xf32>
            %v215 = arith.mulf %v213, %v214 fastmath<contract> : vector<16xf32>
            %v216 = arith.addf %v206, %v215 fastmath<reassoc,contract> : vector<16xf32>
            scf.yield %v211, %v216 : vector<16xf32>, vector<16xf32>
          }
          vector.store %v204#0, %t2[%v194, %v200] : memref<37x45xf32>, vector<16xf32>
          vector.store %v204#1, %t2[%v194, %v202] : memref<37x45xf32>, vector<16xf32>
        }
        scf.for %v217 = %v199 to %v7 step %k0 {
          %v220:1 = scf.for %v219 = %k13 to %k14 step %k0 iter_args(%v221 = %k15) -> (f32) {
            %v222 = memref.load %t0[%v194, %v219] : memref<37x29xf32>
            %v223 = memref.load %t1[%v219, %v217] : memref<29x45xf32>
            %v224 = arith.mulf %v222, %v223 fastmath<contract> : f32
            %v225 = arith.addf %v221, %v224 fastmath<reassoc,contract> : f32
            scf.yield %v225 : f32
          }
          memref.store %v220#0, %t2[%v194, %v217] : memref<37x45xf32>
        }
      }
    }
    return
  }
}
