; ModuleID = 'LLVMDialectModule'
source_filename = "LLVMDialectModule"

define void @s0(ptr %0, ptr %1, ptr %2, i64 %3, i64 %4) {
  %6 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } poison, ptr %2, 0
  %7 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %6, ptr %2, 1
  %8 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %7, i64 0, 2
  %9 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %8, i64 29, 3, 0
  %10 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %9, i64 45, 4, 0
  %11 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %10, i64 45, 3, 1
  %12 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, i64 1, 4, 1
  %13 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } poison, ptr %1, 0
  %14 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %13, ptr %1, 1
  %15 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %14, i64 0, 2
  %16 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %15, i64 37, 3, 0
  %17 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %16, i64 29, 4, 0
  %18 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, i64 29, 3, 1
  %19 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %18, i64 1, 4, 1
  %20 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } poison, ptr %0, 0
  %21 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %20, ptr %0, 1
  %22 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %21, i64 0, 2
  %23 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %22, i64 37, 3, 0
  %24 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %23, i64 45, 4, 0
  %25 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, i64 45, 3, 1
  %26 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %25, i64 1, 4, 1
  br label %27

27:                                               ; preds = %419, %5
  %28 = phi i64 [ %420, %419 ], [ %3, %5 ]
  %29 = icmp slt i64 %28, %4
  br i1 %29, label %30, label %421

30:                                               ; preds = %27
  %31 = mul i64 %28, 37
  %32 = add i64 %31, 37
  %33 = call i64 @llvm.umin.i64(i64 %32, i64 37)
  %34 = sub i64 %33, %31
  %35 = udiv i64 %34, 8
  %36 = mul i64 %35, 8
  %37 = add i64 %31, %36
  br label %38

38:                                               ; preds = %345, %30
  %39 = phi i64 [ %346, %345 ], [ %31, %30 ]
  %40 = icmp slt i64 %39, %37
  br i1 %40, label %41, label %347

41:                                               ; preds = %38
  %42 = add i64 %39, 1
  %43 = add i64 %39, 2
  %44 = add i64 %39, 3
  %45 = add i64 %39, 4
  %46 = add i64 %39, 5
  %47 = add i64 %39, 6
  %48 = add i64 %39, 7
  br label %49

49:                                               ; preds = %68, %41
  %50 = phi i64 [ %167, %68 ], [ 0, %41 ]
  %51 = phi <16 x float> [ %82, %68 ], [ zeroinitializer, %41 ]
  %52 = phi <16 x float> [ %89, %68 ], [ zeroinitializer, %41 ]
  %53 = phi <16 x float> [ %98, %68 ], [ zeroinitializer, %41 ]
  %54 = phi <16 x float> [ %100, %68 ], [ zeroinitializer, %41 ]
  %55 = phi <16 x float> [ %109, %68 ], [ zeroinitializer, %41 ]
  %56 = phi <16 x float> [ %111, %68 ], [ zeroinitializer, %41 ]
  %57 = phi <16 x float> [ %120, %68 ], [ zeroinitializer, %41 ]
  %58 = phi <16 x float> [ %122, %68 ], [ zeroinitializer, %41 ]
  %59 = phi <16 x float> [ %131, %68 ], [ zeroinitializer, %41 ]
  %60 = phi <16 x float> [ %133, %68 ], [ zeroinitializer, %41 ]
  %61 = phi <16 x float> [ %142, %68 ], [ zeroinitializer, %41 ]
  %62 = phi <16 x float> [ %144, %68 ], [ zeroinitializer, %41 ]
  %63 = phi <16 x float> [ %153, %68 ], [ zeroinitializer, %41 ]
  %64 = phi <16 x float> [ %155, %68 ], [ zeroinitializer, %41 ]
  %65 = phi <16 x float> [ %164, %68 ], [ zeroinitializer, %41 ]
  %66 = phi <16 x float> [ %166, %68 ], [ zeroinitializer, %41 ]
  %67 = icmp slt i64 %50, 29
  br i1 %67, label %68, label %168

68:                                               ; preds = %49
  %69 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %70 = mul nuw nsw i64 %39, 29
  %71 = add nuw nsw i64 %70, %50
  %72 = getelementptr inbounds nuw float, ptr %69, i64 %71
  %73 = load float, ptr %72, align 4
  %74 = insertelement <16 x float> poison, float %73, i32 0
  %75 = shufflevector <16 x float> %74, <16 x float> poison, <16 x i32> zeroinitializer
  %76 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %77 = mul i64 %50, 45
  %78 = add i64 %77, 0
  %79 = getelementptr float, ptr %76, i64 %78
  %80 = load <16 x float>, ptr %79, align 4
  %81 = fmul contract <16 x float> %75, %80
  %82 = fadd reassoc contract <16 x float> %51, %81
  %83 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %84 = mul i64 %50, 45
  %85 = add i64 %84, 16
  %86 = getelementptr float, ptr %83, i64 %85
  %87 = load <16 x float>, ptr %86, align 4
  %88 = fmul contract <16 x float> %75, %87
  %89 = fadd reassoc contract <16 x float> %52, %88
  %90 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %91 = mul nuw nsw i64 %42, 29
  %92 = add nuw nsw i64 %91, %50
  %93 = getelementptr inbounds nuw float, ptr %90, i64 %92
  %94 = load float, ptr %93, align 4
  %95 = insertelement <16 x float> poison, float %94, i32 0
  %96 = shufflevector <16 x float> %95, <16 x float> poison, <16 x i32> zeroinitializer
  %97 = fmul contract <16 x float> %96, %80
  %98 = fadd reassoc contract <16 x float> %53, %97
  %99 = fmul contract <16 x float> %96, %87
  %100 = fadd reassoc contract <16 x float> %54, %99
  %101 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %102 = mul nuw nsw i64 %43, 29
  %103 = add nuw nsw i64 %102, %50
  %104 = getelementptr inbounds nuw float, ptr %101, i64 %103
  %105 = load float, ptr %104, align 4
  %106 = insertelement <16 x float> poison, float %105, i32 0
  %107 = shufflevector <16 x float> %106, <16 x float> poison, <16 x i32> zeroinitializer
  %108 = fmul contract <16 x float> %107, %80
  %109 = fadd reassoc contract <16 x float> %55, %108
  %110 = fmul contract <16 x float> %107, %87
  %111 = fadd reassoc contract <16 x float> %56, %110
  %112 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %113 = mul nuw nsw i64 %44, 29
  %114 = add nuw nsw i64 %113, %50
  %115 = getelementptr inbounds nuw float, ptr %112, i64 %114
  %116 = load float, ptr %115, align 4
  %117 = insertelement <16 x float> poison, float %116, i32 0
  %118 = shufflevector <16 x float> %117, <16 x float> poison, <16 x i32> zeroinitializer
  %119 = fmul contract <16 x float> %118, %80
  %120 = fadd reassoc contract <16 x float> %57, %119
  %121 = fmul contract <16 x float> %118, %87
  %122 = fadd reassoc contract <16 x float> %58, %121
  %123 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %124 = mul nuw nsw i64 %45, 29
  %125 = add nuw nsw i64 %124, %50
  %126 = getelementptr inbounds nuw float, ptr %123, i64 %125
  %127 = load float, ptr %126, align 4
  %128 = insertelement <16 x float> poison, float %127, i32 0
  %129 = shufflevector <16 x float> %128, <16 x float> poison, <16 x i32> zeroinitializer
  %130 = fmul contract <16 x float> %129, %80
  %131 = fadd reassoc contract <16 x float> %59, %130
  %132 = fmul contract <16 x float> %129, %87
  %133 = fadd reassoc contract <16 x float> %60, %132
  %134 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %135 = mul nuw nsw i64 %46, 29
  %136 = add nuw nsw i64 %135, %50
  %137 = getelementptr inbounds nuw float, ptr %134, i64 %136
  %138 = load float, ptr %137, align 4
  %139 = insertelement <16 x float> poison, float %138, i32 0
  %140 = shufflevector <16 x float> %139, <16 x float> poison, <16 x i32> zeroinitializer
  %141 = fmul contract <16 x float> %140, %80
  %142 = fadd reassoc contract <16 x float> %61, %141
  %143 = fmul contract <16 x float> %140, %87
  %144 = fadd reassoc contract <16 x float> %62, %143
  %145 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %146 = mul nuw nsw i64 %47, 29
  %147 = add nuw nsw i64 %146, %50
  %148 = getelementptr inbounds nuw float, ptr %145, i64 %147
  %149 = load float, ptr %148, align 4
  %150 = insertelement <16 x float> poison, float %149, i32 0
  %151 = shufflevector <16 x float> %150, <16 x float> poison, <16 x i32> zeroinitializer
  %152 = fmul contract <16 x float> %151, %80
  %153 = fadd reassoc contract <16 x float> %63, %152
  %154 = fmul contract <16 x float> %151, %87
  %155 = fadd reassoc contract <16 x float> %64, %154
  %156 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %157 = mul nuw nsw i64 %48, 29
  %158 = add nuw nsw i64 %157, %50
  %159 = getelementptr inbounds nuw float, ptr %156, i64 %158
  %160 = load float, ptr %159, align 4
  %161 = insertelement <16 x float> poison, float %160, i32 0
  %162 = shufflevector <16 x float> %161, <16 x float> poison, <16 x i32> zeroinitializer
  %163 = fmul contract <16 x float> %162, %80
  %164 = fadd reassoc contract <16 x float> %65, %163
  %165 = fmul contract <16 x float> %162, %87
  %166 = fadd reassoc contract <16 x float> %66, %165
  %167 = add i64 %50, 1
  br label %49

168:                                              ; preds = %49
  %169 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %170 = mul i64 %39, 45
  %171 = add i64 %170, 0
  %172 = getelementptr float, ptr %169, i64 %171
  store <16 x float> %51, ptr %172, align 4
  %173 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %174 = mul i64 %39, 45
  %175 = add i64 %174, 16
  %176 = getelementptr float, ptr %173, i64 %175
  store <16 x float> %52, ptr %176, align 4
  %177 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %178 = mul i64 %42, 45
  %179 = add i64 %178, 0
  %180 = getelementptr float, ptr %177, i64 %179
  store <16 x float> %53, ptr %180, align 4
  %181 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %182 = mul i64 %42, 45
  %183 = add i64 %182, 16
  %184 = getelementptr float, ptr %181, i64 %183
  store <16 x float> %54, ptr %184, align 4
  %185 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %186 = mul i64 %43, 45
  %187 = add i64 %186, 0
  %188 = getelementptr float, ptr %185, i64 %187
  store <16 x float> %55, ptr %188, align 4
  %189 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %190 = mul i64 %43, 45
  %191 = add i64 %190, 16
  %192 = getelementptr float, ptr %189, i64 %191
  store <16 x float> %56, ptr %192, align 4
  %193 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %194 = mul i64 %44, 45
  %195 = add i64 %194, 0
  %196 = getelementptr float, ptr %193, i64 %195
  store <16 x float> %57, ptr %196, align 4
  %197 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %198 = mul i64 %44, 45
  %199 = add i64 %198, 16
  %200 = getelementptr float, ptr %197, i64 %199
  store <16 x float> %58, ptr %200, align 4
  %201 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %202 = mul i64 %45, 45
  %203 = add i64 %202, 0
  %204 = getelementptr float, ptr %201, i64 %203
  store <16 x float> %59, ptr %204, align 4
  %205 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %206 = mul i64 %45, 45
  %207 = add i64 %206, 16
  %208 = getelementptr float, ptr %205, i64 %207
  store <16 x float> %60, ptr %208, align 4
  %209 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %210 = mul i64 %46, 45
  %211 = add i64 %210, 0
  %212 = getelementptr float, ptr %209, i64 %211
  store <16 x float> %61, ptr %212, align 4
  %213 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %214 = mul i64 %46, 45
  %215 = add i64 %214, 16
  %216 = getelementptr float, ptr %213, i64 %215
  store <16 x float> %62, ptr %216, align 4
  %217 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %218 = mul i64 %47, 45
  %219 = add i64 %218, 0
  %220 = getelementptr float, ptr %217, i64 %219
  store <16 x float> %63, ptr %220, align 4
  %221 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %222 = mul i64 %47, 45
  %223 = add i64 %222, 16
  %224 = getelementptr float, ptr %221, i64 %223
  store <16 x float> %64, ptr %224, align 4
  %225 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %226 = mul i64 %48, 45
  %227 = add i64 %226, 0
  %228 = getelementptr float, ptr %225, i64 %227
  store <16 x float> %65, ptr %228, align 4
  %229 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %230 = mul i64 %48, 45
  %231 = add i64 %230, 16
  %232 = getelementptr float, ptr %229, i64 %231
  store <16 x float> %66, ptr %232, align 4
  br label %233

233:                                              ; preds = %311, %168
  %234 = phi i64 [ %344, %311 ], [ 32, %168 ]
  %235 = icmp slt i64 %234, 45
  br i1 %235, label %236, label %345

236:                                              ; preds = %233
  br label %237

237:                                              ; preds = %248, %236
  %238 = phi i64 [ %310, %248 ], [ 0, %236 ]
  %239 = phi float [ %260, %248 ], [ 0.000000e+00, %236 ]
  %240 = phi float [ %267, %248 ], [ 0.000000e+00, %236 ]
  %241 = phi float [ %274, %248 ], [ 0.000000e+00, %236 ]
  %242 = phi float [ %281, %248 ], [ 0.000000e+00, %236 ]
  %243 = phi float [ %288, %248 ], [ 0.000000e+00, %236 ]
  %244 = phi float [ %295, %248 ], [ 0.000000e+00, %236 ]
  %245 = phi float [ %302, %248 ], [ 0.000000e+00, %236 ]
  %246 = phi float [ %309, %248 ], [ 0.000000e+00, %236 ]
  %247 = icmp slt i64 %238, 29
  br i1 %247, label %248, label %311

248:                                              ; preds = %237
  %249 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %250 = mul nuw nsw i64 %39, 29
  %251 = add nuw nsw i64 %250, %238
  %252 = getelementptr inbounds nuw float, ptr %249, i64 %251
  %253 = load float, ptr %252, align 4
  %254 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %255 = mul nuw nsw i64 %238, 45
  %256 = add nuw nsw i64 %255, %234
  %257 = getelementptr inbounds nuw float, ptr %254, i64 %256
  %258 = load float, ptr %257, align 4
  %259 = fmul contract float %253, %258
  %260 = fadd reassoc contract float %239, %259
  %261 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %262 = mul nuw nsw i64 %42, 29
  %263 = add nuw nsw i64 %262, %238
  %264 = getelementptr inbounds nuw float, ptr %261, i64 %263
  %265 = load float, ptr %264, align 4
  %266 = fmul contract float %265, %258
  %267 = fadd reassoc contract float %240, %266
  %268 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %269 = mul nuw nsw i64 %43, 29
  %270 = add nuw nsw i64 %269, %238
  %271 = getelementptr inbounds nuw float, ptr %268, i64 %270
  %272 = load float, ptr %271, align 4
  %273 = fmul contract float %272, %258
  %274 = fadd reassoc contract float %241, %273
  %275 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %276 = mul nuw nsw i64 %44, 29
  %277 = add nuw nsw i64 %276, %238
  %278 = getelementptr inbounds nuw float, ptr %275, i64 %277
  %279 = load float, ptr %278, align 4
  %280 = fmul contract float %279, %258
  %281 = fadd reassoc contract float %242, %280
  %282 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %283 = mul nuw nsw i64 %45, 29
  %284 = add nuw nsw i64 %283, %238
  %285 = getelementptr inbounds nuw float, ptr %282, i64 %284
  %286 = load float, ptr %285, align 4
  %287 = fmul contract float %286, %258
  %288 = fadd reassoc contract float %243, %287
  %289 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %290 = mul nuw nsw i64 %46, 29
  %291 = add nuw nsw i64 %290, %238
  %292 = getelementptr inbounds nuw float, ptr %289, i64 %291
  %293 = load float, ptr %292, align 4
  %294 = fmul contract float %293, %258
  %295 = fadd reassoc contract float %244, %294
  %296 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %297 = mul nuw nsw i64 %47, 29
  %298 = add nuw nsw i64 %297, %238
  %299 = getelementptr inbounds nuw float, ptr %296, i64 %298
  %300 = load float, ptr %299, align 4
  %301 = fmul contract float %300, %258
  %302 = fadd reassoc contract float %245, %301
  %303 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %304 = mul nuw nsw i64 %48, 29
  %305 = add nuw nsw i64 %304, %238
  %306 = getelementptr inbounds nuw float, ptr %303, i64 %305
  %307 = load float, ptr %306, align 4
  %308 = fmul contract float %307, %258
  %309 = fadd reassoc contract float %246, %308
  %310 = add i64 %238, 1
  br label %237

311:                                              ; preds = %237
  %312 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %313 = mul nuw nsw i64 %39, 45
  %314 = add nuw nsw i64 %313, %234
  %315 = getelementptr inbounds nuw float, ptr %312, i64 %314
  store float %239, ptr %315, align 4
  %316 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %317 = mul nuw nsw i64 %42, 45
  %318 = add nuw nsw i64 %317, %234
  %319 = getelementptr inbounds nuw float, ptr %316, i64 %318
  store float %240, ptr %319, align 4
  %320 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %321 = mul nuw nsw i64 %43, 45
  %322 = add nuw nsw i64 %321, %234
  %323 = getelementptr inbounds nuw float, ptr %320, i64 %322
  store float %241, ptr %323, align 4
  %324 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %325 = mul nuw nsw i64 %44, 45
  %326 = add nuw nsw i64 %325, %234
  %327 = getelementptr inbounds nuw float, ptr %324, i64 %326
  store float %242, ptr %327, align 4
  %328 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %329 = mul nuw nsw i64 %45, 45
  %330 = add nuw nsw i64 %329, %234
  %331 = getelementptr inbounds nuw float, ptr %328, i64 %330
  store float %243, ptr %331, align 4
  %332 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %333 = mul nuw nsw i64 %46, 45
  %334 = add nuw nsw i64 %333, %234
  %335 = getelementptr inbounds nuw float, ptr %332, i64 %334
  store float %244, ptr %335, align 4
  %336 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %337 = mul nuw nsw i64 %47, 45
  %338 = add nuw nsw i64 %337, %234
  %339 = getelementptr inbounds nuw float, ptr %336, i64 %338
  store float %245, ptr %339, align 4
  %340 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %341 = mul nuw nsw i64 %48, 45
  %342 = add nuw nsw i64 %341, %234
  %343 = getelementptr inbounds nuw float, ptr %340, i64 %342
  store float %246, ptr %343, align 4
  %344 = add i64 %234, 1
  br label %233

345:                                              ; preds = %233
  %346 = add i64 %39, 8
  br label %38

347:                                              ; preds = %38
  br label %348

348:                                              ; preds = %417, %347
  %349 = phi i64 [ %418, %417 ], [ %37, %347 ]
  %350 = icmp slt i64 %349, %33
  br i1 %350, label %351, label %419

351:                                              ; preds = %348
  br label %352

352:                                              ; preds = %357, %351
  %353 = phi i64 [ %379, %357 ], [ 0, %351 ]
  %354 = phi <16 x float> [ %371, %357 ], [ zeroinitializer, %351 ]
  %355 = phi <16 x float> [ %378, %357 ], [ zeroinitializer, %351 ]
  %356 = icmp slt i64 %353, 29
  br i1 %356, label %357, label %380

357:                                              ; preds = %352
  %358 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %359 = mul nuw nsw i64 %349, 29
  %360 = add nuw nsw i64 %359, %353
  %361 = getelementptr inbounds nuw float, ptr %358, i64 %360
  %362 = load float, ptr %361, align 4
  %363 = insertelement <16 x float> poison, float %362, i32 0
  %364 = shufflevector <16 x float> %363, <16 x float> poison, <16 x i32> zeroinitializer
  %365 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %366 = mul i64 %353, 45
  %367 = add i64 %366, 0
  %368 = getelementptr float, ptr %365, i64 %367
  %369 = load <16 x float>, ptr %368, align 4
  %370 = fmul contract <16 x float> %364, %369
  %371 = fadd reassoc contract <16 x float> %354, %370
  %372 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %373 = mul i64 %353, 45
  %374 = add i64 %373, 16
  %375 = getelementptr float, ptr %372, i64 %374
  %376 = load <16 x float>, ptr %375, align 4
  %377 = fmul contract <16 x float> %364, %376
  %378 = fadd reassoc contract <16 x float> %355, %377
  %379 = add i64 %353, 1
  br label %352

380:                                              ; preds = %352
  %381 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %382 = mul i64 %349, 45
  %383 = add i64 %382, 0
  %384 = getelementptr float, ptr %381, i64 %383
  store <16 x float> %354, ptr %384, align 4
  %385 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %386 = mul i64 %349, 45
  %387 = add i64 %386, 16
  %388 = getelementptr float, ptr %385, i64 %387
  store <16 x float> %355, ptr %388, align 4
  br label %389

389:                                              ; preds = %411, %380
  %390 = phi i64 [ %416, %411 ], [ 32, %380 ]
  %391 = icmp slt i64 %390, 45
  br i1 %391, label %392, label %417

392:                                              ; preds = %389
  br label %393

393:                                              ; preds = %397, %392
  %394 = phi i64 [ %410, %397 ], [ 0, %392 ]
  %395 = phi float [ %409, %397 ], [ 0.000000e+00, %392 ]
  %396 = icmp slt i64 %394, 29
  br i1 %396, label %397, label %411

397:                                              ; preds = %393
  %398 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %399 = mul nuw nsw i64 %349, 29
  %400 = add nuw nsw i64 %399, %394
  %401 = getelementptr inbounds nuw float, ptr %398, i64 %400
  %402 = load float, ptr %401, align 4
  %403 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %404 = mul nuw nsw i64 %394, 45
  %405 = add nuw nsw i64 %404, %390
  %406 = getelementptr inbounds nuw float, ptr %403, i64 %405
  %407 = load float, ptr %406, align 4
  %408 = fmul contract float %402, %407
  %409 = fadd reassoc contract float %395, %408
  %410 = add i64 %394, 1
  br label %393

411:                                              ; preds = %393
  %412 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %413 = mul nuw nsw i64 %349, 45
  %414 = add nuw nsw i64 %413, %390
  %415 = getelementptr inbounds nuw float, ptr %412, i64 %414
  store float %395, ptr %415, align 4
  %416 = add i64 %390, 1
  br label %389

417:                                              ; preds = %389
  %418 = add i64 %349, 1
  br label %348

419:                                              ; preds = %348
  %420 = add i64 %28, 1
  br label %27

421:                                              ; preds = %27
  ret void
}

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare i64 @llvm.umin.i64(i64, i64) #0

attributes #0 = { nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none) }

!llvm.module.flags = !{!0}

!0 = !{i32 2, !"Debug Info Version", i32 3}
