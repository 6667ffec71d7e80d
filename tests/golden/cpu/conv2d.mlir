module {
  // y = statement 0 of `conv2d`
  func.func @s0(%t2: memref<1x2x4x6xf32>, %t0: memref<1x3x6x7xf32>, %t1: memref<2x3x3x2xf32>, %blo: index, %bhi: index) {
    %k7 = arith.constant 0 : index
    %k8 = arith.constant 0x00000000 : f32
    %k0 = arith.constant 1 : index
    %k3 = arith.constant 2 : index
    %k5 = arith.constant 3 : index
    %k2 = arith.constant 4 : index
    %k1 = arith.constant 6 : index
    %k4 = arith.constant 8 : index
    %k6 = arith.constant dense<0x00000000> : vector<4xf32>
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
            %v31 = arith.subi %v7, %v5 : index
            %v32 = arith.divui %v31, %k4 : index
            %v33 = arith.muli %v32, %k4 : index
            %v34 = arith.addi %v5, %v33 : index
            scf.for %v35 = %v5 to %v34 step %k4 {
              %v37 = arith.addi %v35, %k2 : index
              %v38 = arith.addi %v29, %k0 : index
              %v39 = arith.addi %v29, %k0 : index
              %v40 = arith.addi %v35, %k2 : index
              %v41 = arith.addi %v29, %k3 : index
              %v42 = arith.addi %v29, %k3 : index
              %v43 = arith.addi %v35, %k2 : index
              %v44 = arith.addi %v29, %k5 : index
              %v45 = arith.addi %v29, %k5 : index
              %v46 = arith.addi %v35, %k2 : index
              %v48:8 = scf.for %v47 = %k7 to %k5 step %k0 iter_args(%v49 = %k6, %v50 = %k6, %v51 = %k6, %v52 = %k6, %v53 = %k6, %v54 = %k6, %v55 = %k6, %v56 = %k6) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>) {
                %v58:8 = scf.for %v57 = %k7 to %k5 step %k0 iter_args(%v59 = %v49, %v60 = %v50, %v61 = %v51, %v62 = %v52, %v63 = %v53, %v64 = %v54, %v65 = %v55, %v66 = %v56) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>) {
                  %v68:8 = scf.for %v67 = %k7 to %k3 step %k0 iter_args(%v69 = %v59, %v70 = %v60, %v71 = %v61, %v72 = %v62, %v73 = %v63, %v74 = %v64, %v75 = %v65, %v76 = %v66) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>) {
                    %v77 = arith.addi %v29, %v57 : index
                    %v78 = arith.addi %v35, %v67 : index
                    %v79 = vector.load %t0[%v21, %v47, %v77, %v78] : memref<1x3x6x7xf32>, vector<4xf32>
                    %v80 = memref.load %t1[%v23, %v47, %v57, %v67] : memref<2x3x3x2xf32>
                    %v81 = vector.broadcast %v80 : f32 to vector<4xf32>
                    %v82 = arith.mulf %v79, %v81 fastmath<contract> : vector<4xf32>
                    %v83 = arith.addf %v69, %v82 fastmath<reassoc,contract> : vector<4xf32>
                    %v84 = arith.addi %v29, %v57 : index
                    %v85 = arith.addi %v37, %v67 : index
                    %v86 = vector.load %t0[%v21, %v47, %v84, %v85] : memref<1x3x6x7xf32>, vector<4xf32>
                    %v87 = memref.load %t1[%v23, %v47, %v57, %v67] : memref<2x3x3x2xf32>
                    %v88 = vector.broadcast %v87 : f32 to vector<4xf32>
                    %v89 = arith.mulf %v86, %v88 fastmath<contract> : vector<4xf32>
                    %v90 = arith.addf %v70, %v89 fastmath<reassoc,contract> : vector<4xf32>
                    %v91 = arith.addi %v38, %v57 : index
                    %v92 = arith.addi %v35, %v67 : index
                    %v93 = vector.load %t0[%v21, %v47, %v91, %v92] : memref<1x3x6x7xf32>, vector<4xf32>
                    %v94 = memref.load %t1[%v23, %v47, %v57, %v67] : memref<2x3x3x2xf32>
                    %v95 = vector.broadcast %v94 : f32 to vector<4xf32>
                    %v96 = arith.mulf %v93, %v95 fastmath<contract> : vector<4xf32>
                    %v97 = arith.addf %v71, %v96 fastmath<reassoc,contract> : vector<4xf32>
                    %v98 = arith.addi %v39, %v57 : index
                    %v99 = arith.addi %v40, %v67 : index
                    %v100 = vector.load %t0[%v21, %v47, %v98, %v99] : memref<1x3x6x7xf32>, vector<4xf32>
                    %v101 = memref.load %t1[%v23, %v47, %v57, %v67] : memref<2x3x3x2xf32>
                    %v102 = vector.broadcast %v101 : f32 to vector<4xf32>
                    %v103 = arith.mulf %v100, %v102 fastmath<contract> : vector<4xf32>
                    %v104 = arith.addf %v72, %v103 fastmath<reassoc,contract> : vector<4xf32>
                    %v105 = arith.addi %v41, %v57 : index
                    %v106 = arith.addi %v35, %v67 : index
                    %v107 = vector.load %t0[%v21, %v47, %v105, %v106] : memref<1x3x6x7xf32>, vector<4xf32>
                    %v108 = memref.load %t1[%v23, %v47, %v57, %v67] : memref<2x3x3x2xf32>
                    %v109 = vector.broadcast %v108 : f32 to vector<4xf32>
                    %v110 = arith.mulf %v107, %v109 fastmath<contract> : vector<4xf32>
                    %v111 = arith.addf %v73, %v110 fastmath<reassoc,contract> : vector<4xf32>
                    %v112 = arith.addi %v42, %v57 : index
                    %v113 = arith.addi %v43, %v67 : index
                    %v114 = vector.load %t0[%v21, %v47, %v112, %v113] : memref<1x3x6x7xf32>, vector<4xf32>
                    %v115 = memref.load %t1[%v23, %v47, %v57, %v67] : memref<2x3x3x2xf32>
                    %v116 = vector.broadcast %v115 : f32 to vector<4xf32>
                    %v117 = arith.mulf %v114, %v116 fastmath<contract> : vector<4xf32>
                    %v118 = arith.addf %v74, %v117 fastmath<reassoc,contract> : vector<4xf32>
                    %v119 = arith.addi %v44, %v57 : index
                    %v120 = arith.addi %v35, %v67 : index
                    %v121 = vector.load %t0[%v21, %v47, %v119, %v120] : memref<1x3x6x7xf32>, vector<4xf32>
                    %v122 = memref.load %t1[%v23, %v47, %v57, %v67] : memref<2x3x3x2xf32>
                    %v123 = vector.broadcast %v122 : f32 to vector<4xf32>
                    %v124 = arith.mulf %v121, %v123 fastmath<contract> : vector<4xf32>
                    %v125 = arith.addf %v75, %v124 fastmath<reassoc,contract> : vector<4xf32>
                    %v126 = arith.addi %v45, %v57 : index
                    %v127 = arith.addi %v46, %v67 : index
                    %v128 = vector.load %t0[%v21, %v47, %v126, %v127] : memref<1x3x6x7xf32>, vector<4xf32>
                    %v129 = memref.load %t1[%v23, %v47, %v57, %v67] : memref<2x3x3x2xf32>
                    %v130 = vector.broadcast %v129 : f32 to vector<4xf32>
                    %v131 = arith.mulf %v128, %v130 fastmath<contract> : vector<4xf32>
                    %v132 = arith.addf %v76, %v131 fastmath<reassoc,contract> : vector<4xf32>
                    scf.yield %v83, %v90, %v97, %v104, %v111, %v118, %v125, %v132 : vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>
                  }
                  scf.yield %v68#0, %v68#1, %v68#2, %v68#3, %v68#4, %v68#5, %v68#6, %v68#7 : vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>
                }
                scf.yield %v58#0, %v58#1, %v58#2, %v58#3, %v58#4, %v58#5, %v58#6, %v58#7 : vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>
              }
              vector.store %v48#0, %t2[%v21, %v23, %v29, %v35] : memref<1x2x4x6xf32>, vector<4xf32>
              vector.store %v48#1, %t2[%v21, %v23, %v29, %v37] : memref<1x2x4x6xf32>, vector<4xf32>
              vector.store %v48#2, %t2[%v21, %v23, %v38, %v35] : memref<1x2x4x6xf32>, vector<4xf32>
              vector.store %v48#3, %t2[%v21, %v23, %v39, %v40] : memref<1x2x4x6xf32>, vector<4xf32>
              vector.store %v48#4, %t2[%v21, %v23, %v41, %v35] : memref<1x2x4x6xf32>, vector<4xf32>
              vector.store %v48#5, %t2[%v21, %v23, %v42, %v43] : memref<1x2x4x6xf32>, vector<4xf32>
              vector.store %v48#6, %t2[%v21, %v23, %v44, %v35] : memref<1x2x4x6xf32>, vector<4xf32>
              vector.store %v48#7, %t2[%v21, %v23, %v45, %v46] : memref<1x2x4x6xf32>, vector<4xf32>
            }
            scf.for %v133 = %v34 to %v7 step %k0 {
              %v135 = arith.addi %v29, %k0 : index
              %v136 = arith.addi %v29, %k3 : index
              %v137 = arith.addi %v29, %k5 : index
              %v139:4 = scf.for %v138 = %k7 to %k5 step %k0 iter_args(%v140 = %k8, %v141 = %k8, %v142 = %k8, %v143 = %k8) -> (f32, f32, f32, f32) {
                %v145:4 = scf.for %v144 = %k7 to %k5 step %k0 iter_args(%v146 = %v140, %v147 = %v141, %v148 = %v142, %v149 = %v143) -> (f32, f32, f32, f32) {
                  %v151:4 = scf.for %v150 = %k7 to %k3 step %k0 iter_args(%v152 = %v146, %v153 = %v147, %v154 = %v148, %v155 = %v149) -> (f32, f32, f32, f32) {
                    %v156 = arith.addi %v29, %v144 : index
                    %v157 = arith.addi %v133, %v150 : index
                    %v158 = memref.load %t0[%v21, %v138, %v156, %v157] : memref<1x3x6x7xf32>
                    %v159 = memref.load %t1[%v23, %v138, %v144, %v150] : memref<2x3x3x2xf32>
                    %v160 = arith.mulf %v158, %v159 fastmath<contract> : f32
                    %v161 = arith.addf %v152, %v160 fastmath<reassoc,contract> : f32
                    %v162 = arith.addi %v135, %v144 : index
                    %v163 = arith.addi %v133, %v150 : index
                    %v164 = memref.load %t0[%v21, %v138, %v162, %v163] : memref<1x3x6x7xf32>
                    %v165 = memref.load %t1[%v23, %v138, %v144, %v150] : memref<2x3x3x2xf32>
                    %v166 = arith.mulf %v164, %v165 fastmath<contract> : f32
                    %v167 = arith.addf %v153, %v166 fastmath<reassoc,contract> : f32
                    %v168 = arith.addi %v136, %v144 : index
                    %v169 = arith.addi %v133, %v150 : index
                    %v170 = memref.load %t0[%v21, %v138, %v168, %v169] : memref<1x3x6x7xf32>
                    %v171 = memref.load %t1[%v23, %v138, %v144, %v150] : memref<2x3x3x2xf32>
                    %v172 = arith.mulf %v170, %v171 fastmath<contract> : f32
                    %v173 = arith.addf %v154, %v172 fastmath<reassoc,contract> : f32
                    %v174 = arith.addi %v137, %v144 : index
                    %v175 = arith.addi %v133, %v150 : index
                    %v176 = memref.load %t0[%v21, %v138, %v174, %v175] : memref<1x3x6x7xf32>
                    %v177 = memref.load %t1[%v23, %v138, %v144, %v150] : memref<2x3x3x2xf32>
                    %v178 = arith.mulf %v176, %v177 fastmath<contract> : f32
                    %v179 = arith.addf %v155, %v178 fastmath<reassoc,contract> : f32
                    scf.yield %v161, %v167, %v173, %v179 : f32, f32, f32, f32
                  }
                  scf.yield %v151#0, %v151#1, %v151#2, %v151#3 : f32, f32, f32, f32
                }
                scf.yield %v145#0, %v145#1, %v145#2, %v145#3 : f32, f32, f32, f32
              }
              memref.store %v139#0, %t2[%v21, %v23, %v29, %v133] : memref<1x2x4x6xf32>
              memref.store %v139#1, %t2[%v21, %v23, %v135, %v133] : memref<1x2x4x6xf32>
              memref.store %v139#2, %t2[%v21, %v23, %v136, %v133] : memref<1x2x4x6xf32>
              memref.store %v139#3, %t2[%v21, %v23, %v137, %v133] : memref<1x2x4x6xf32>
            }
          }
          scf.for %v180 = %v28 to %v12 step %k0 {
            %v182 = arith.subi %v7, %v5 : index
            %v183 = arith.divui %v182, %k4 : index
            %v184 = arith.muli %v183, %k4 : index
            %v185 = arith.addi %v5, %v184 : index
            scf.for %v186 = %v5 to %v185 step %k4 {
              %v188 = arith.addi %v186, %k2 : index
              %v190:2 = scf.for %v189 = %k7 to %k5 step %k0 iter_args(%v191 = %k6, %v192 = %k6) -> (vector<4xf32>, vector<4xf32>) {
                %v194:2 = scf.for %v193 = %k7 to %k5 step %k0 iter_args(%v195 = %v191, %v196 = %v192) -> (vector<4xf32>, vector<4xf32>) {
                  %v198:2 = scf.for %v197 = %k7 to %k3 step %k0 iter_args(%v199 = %v195, %v200 = %v196) -> (vector<4xf32>, vector<4xf32>) {
                    %v201 = arith.addi %v180, %v193 : index
                    %v202 = arith.addi %v186, %v197 : index
                    %v203 = vector.load %t0[%v21, %v189, %v201, %v202] : memref<1x3x6x7xf32>, vector<4xf32>
                    %v204 = memref.load %t1[%v23, %v189, %v193, %v197] : memref<2x3x3x2xf32>
                    %v205 = vector.broadcast %v204 : f32 to vector<4xf32>
                    %v206 = arith.mulf %v203, %v205 fastmath<contract> : vector<4xf32>
                    %v207 = arith.addf %v199, %v206 fastmath<reassoc,contract> : vector<4xf32>
                    %v208 = arith.addi %v180, %v193 : index
                    %v209 = arith.addi %v188, %v197 : index
                    %v210 = vector.load %t0[%v21, %v189, %v208, %v209] : memref<1x3x6x7xf32>, vector<4xf32>
                    %v211 = memref.load %t1[%v23, %v189, %v193, %v197] : memref<2x3x3x2xf32>
                    %v212 = vector.broadcast %v211 : f32 to vector<4xf32>
                    %v213 = arith.mulf %v210, %v212 fastmath<contract> : vector<4xf32>
                    %v214 = arith.addf %v200, %v213 fastmath<reassoc,contract> : vector<4xf32>
                    scf.yield %v207, %v214 : vector<4xf32>, vector<4xf32>
                  }
                  scf.yield %v198#0, %v198#1 : vector<4xf32>, vector<4xf32>
                }
                scf.yield %v194#0, %v194#1 : vector<4xf32>, vector<4xf32>
              }
              vector.store %v190#0, %t2[%v21, %v23, %v180, %v186] : memref<1x2x4x6xf32>, vector<4xf32>
              vector.store %v190#1, %t2[%v21, %v23, %v180, %v188] : memref<1x2x4x6xf32>, vector<4xf32>
            }
            scf.for %v215 = %v185 to %v7 step %k0 {
              %v218:1 = scf.for %v217 = %k7 to %k5 step %k0 iter_args(%v219 = %k8) -> (f32) {
                %v221:1 = scf.for %v220 = %k7 to %k5 step %k0 iter_args(%v222 = %v219) -> (f32) {
                  %v224:1 = scf.for %v223 = %k7 to %k3 step %k0 iter_args(%v225 = %v222) -> (f32) {
                    %v226 = arith.addi %v180, %v220 : index
                    %v227 = arith.addi %v215, %v223 : index
                    %v228 = memref.load %t0[%v21, %v217, %v226, %v227] : memref<1x3x6x7xf32>
                    %v229 = memref.load %t1[%v23, %v217, %v220, %v223] : memref<2x3x3x2xf32>
                    %v230 = arith.mulf %v228, %v229 fastmath<contract> : f32
                    %v231 = arith.addf %v225, %v230 fastmath<reassoc,contract> : f32
                    scf.yield %v231 : f32
                  }
                  scf.yield %v224#0 : f32
                }
                scf.yield %v221#0 : f32
              }
              memref.store %v218#0, %t2[%v21, %v23, %v180, %v215] : memref<1x2x4x6xf32>
            }
          }
        }
      }
    }
    return
  }
}
