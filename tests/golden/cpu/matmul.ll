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

27:                                               ; preds = %425, %5
  %28 = phi i64 [ %426, %425 ], [ %3, %5 ]
  %29 = icmp slt i64 %28, %4
  br i1 %29, label %30, label %427

30:                                               ; preds = %27
  %31 = mul i64 %28, 37
  %32 = add i64 %31, 37
  %33 = call i64 @llvm.umin.i64(i64 %32, i64 37)
  %34 = sub i64 %33, %31
  %35 = udiv i64 %34, 8
  %36 = mul i64 %35, 8
  %37 = add i64 %31, %36
  br label %38

38:                                               ; preds = %323, %30
  %39 = phi i64 [ %356, %323 ], [ %31, %30 ]
  %40 = icmp slt i64 %39, %37
  br i1 %40, label %41, label %357

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

233:                                              ; preds = %244, %168
  %234 = phi i64 [ %322, %244 ], [ 0, %168 ]
  %235 = phi <16 x float> [ %258, %244 ], [ zeroinitializer, %168 ]
  %236 = phi <16 x float> [ %267, %244 ], [ zeroinitializer, %168 ]
  %237 = phi <16 x float> [ %276, %244 ], [ zeroinitializer, %168 ]
  %238 = phi <16 x float> [ %285, %244 ], [ zeroinitializer, %168 ]
  %239 = phi <16 x float> [ %294, %244 ], [ zeroinitializer, %168 ]
  %240 = phi <16 x float> [ %303, %244 ], [ zeroinitializer, %168 ]
  %241 = phi <16 x float> [ %312, %244 ], [ zeroinitializer, %168 ]
  %242 = phi <16 x float> [ %321, %244 ], [ zeroinitializer, %168 ]
  %243 = icmp slt i64 %234, 29
  br i1 %243, label %244, label %323

244:                                              ; preds = %233
  %245 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %246 = mul nuw nsw i64 %39, 29
  %247 = add nuw nsw i64 %246, %234
  %248 = getelementptr inbounds nuw float, ptr %245, i64 %247
  %249 = load float, ptr %248, align 4
  %250 = insertelement <16 x float> poison, float %249, i32 0
  %251 = shufflevector <16 x float> %250, <16 x float> poison, <16 x i32> zeroinitializer
  %252 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %253 = mul i64 %234, 45
  %254 = add i64 %253, 32
  %255 = getelementptr float, ptr %252, i64 %254
  %256 = call <16 x float> @llvm.masked.load.v16f32.p0(ptr align 4 %255, <16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false, i1 false, i1 false>, <16 x float> zeroinitializer)
  %257 = fmul contract <16 x float> %251, %256
  %258 = fadd reassoc contract <16 x float> %235, %257
  %259 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %260 = mul nuw nsw i64 %42, 29
  %261 = add nuw nsw i64 %260, %234
  %262 = getelementptr inbounds nuw float, ptr %259, i64 %261
  %263 = load float, ptr %262, align 4
  %264 = insertelement <16 x float> poison, float %263, i32 0
  %265 = shufflevector <16 x float> %264, <16 x float> poison, <16 x i32> zeroinitializer
  %266 = fmul contract <16 x float> %265, %256
  %267 = fadd reassoc contract <16 x float> %236, %266
  %268 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %269 = mul nuw nsw i64 %43, 29
  %270 = add nuw nsw i64 %269, %234
  %271 = getelementptr inbounds nuw float, ptr %268, i64 %270
  %272 = load float, ptr %271, align 4
  %273 = insertelement <16 x float> poison, float %272, i32 0
  %274 = shufflevector <16 x float> %273, <16 x float> poison, <16 x i32> zeroinitializer
  %275 = fmul contract <16 x float> %274, %256
  %276 = fadd reassoc contract <16 x float> %237, %275
  %277 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %278 = mul nuw nsw i64 %44, 29
  %279 = add nuw nsw i64 %278, %234
  %280 = getelementptr inbounds nuw float, ptr %277, i64 %279
  %281 = load float, ptr %280, align 4
  %282 = insertelement <16 x float> poison, float %281, i32 0
  %283 = shufflevector <16 x float> %282, <16 x float> poison, <16 x i32> zeroinitializer
  %284 = fmul contract <16 x float> %283, %256
  %285 = fadd reassoc contract <16 x float> %238, %284
  %286 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %287 = mul nuw nsw i64 %45, 29
  %288 = add nuw nsw i64 %287, %234
  %289 = getelementptr inbounds nuw float, ptr %286, i64 %288
  %290 = load float, ptr %289, align 4
  %291 = insertelement <16 x float> poison, float %290, i32 0
  %292 = shufflevector <16 x float> %291, <16 x float> poison, <16 x i32> zeroinitializer
  %293 = fmul contract <16 x float> %292, %256
  %294 = fadd reassoc contract <16 x float> %239, %293
  %295 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %296 = mul nuw nsw i64 %46, 29
  %297 = add nuw nsw i64 %296, %234
  %298 = getelementptr inbounds nuw float, ptr %295, i64 %297
  %299 = load float, ptr %298, align 4
  %300 = insertelement <16 x float> poison, float %299, i32 0
  %301 = shufflevector <16 x float> %300, <16 x float> poison, <16 x i32> zeroinitializer
  %302 = fmul contract <16 x float> %301, %256
  %303 = fadd reassoc contract <16 x float> %240, %302
  %304 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %305 = mul nuw nsw i64 %47, 29
  %306 = add nuw nsw i64 %305, %234
  %307 = getelementptr inbounds nuw float, ptr %304, i64 %306
  %308 = load float, ptr %307, align 4
  %309 = insertelement <16 x float> poison, float %308, i32 0
  %310 = shufflevector <16 x float> %309, <16 x float> poison, <16 x i32> zeroinitializer
  %311 = fmul contract <16 x float> %310, %256
  %312 = fadd reassoc contract <16 x float> %241, %311
  %313 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %314 = mul nuw nsw i64 %48, 29
  %315 = add nuw nsw i64 %314, %234
  %316 = getelementptr inbounds nuw float, ptr %313, i64 %315
  %317 = load float, ptr %316, align 4
  %318 = insertelement <16 x float> poison, float %317, i32 0
  %319 = shufflevector <16 x float> %318, <16 x float> poison, <16 x i32> zeroinitializer
  %320 = fmul contract <16 x float> %319, %256
  %321 = fadd reassoc contract <16 x float> %242, %320
  %322 = add i64 %234, 1
  br label %233

323:                                              ; preds = %233
  %324 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %325 = mul i64 %39, 45
  %326 = add i64 %325, 32
  %327 = getelementptr float, ptr %324, i64 %326
  call void @llvm.masked.store.v16f32.p0(<16 x float> %235, ptr align 4 %327, <16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false, i1 false, i1 false>)
  %328 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %329 = mul i64 %42, 45
  %330 = add i64 %329, 32
  %331 = getelementptr float, ptr %328, i64 %330
  call void @llvm.masked.store.v16f32.p0(<16 x float> %236, ptr align 4 %331, <16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false, i1 false, i1 false>)
  %332 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %333 = mul i64 %43, 45
  %334 = add i64 %333, 32
  %335 = getelementptr float, ptr %332, i64 %334
  call void @llvm.masked.store.v16f32.p0(<16 x float> %237, ptr align 4 %335, <16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false, i1 false, i1 false>)
  %336 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %337 = mul i64 %44, 45
  %338 = add i64 %337, 32
  %339 = getelementptr float, ptr %336, i64 %338
  call void @llvm.masked.store.v16f32.p0(<16 x float> %238, ptr align 4 %339, <16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false, i1 false, i1 false>)
  %340 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %341 = mul i64 %45, 45
  %342 = add i64 %341, 32
  %343 = getelementptr float, ptr %340, i64 %342
  call void @llvm.masked.store.v16f32.p0(<16 x float> %239, ptr align 4 %343, <16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false, i1 false, i1 false>)
  %344 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %345 = mul i64 %46, 45
  %346 = add i64 %345, 32
  %347 = getelementptr float, ptr %344, i64 %346
  call void @llvm.masked.store.v16f32.p0(<16 x float> %240, ptr align 4 %347, <16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false, i1 false, i1 false>)
  %348 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %349 = mul i64 %47, 45
  %350 = add i64 %349, 32
  %351 = getelementptr float, ptr %348, i64 %350
  call void @llvm.masked.store.v16f32.p0(<16 x float> %241, ptr align 4 %351, <16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false, i1 false, i1 false>)
  %352 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %353 = mul i64 %48, 45
  %354 = add i64 %353, 32
  %355 = getelementptr float, ptr %352, i64 %354
  call void @llvm.masked.store.v16f32.p0(<16 x float> %242, ptr align 4 %355, <16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false, i1 false, i1 false>)
  %356 = add i64 %39, 8
  br label %38

357:                                              ; preds = %38
  br label %358

358:                                              ; preds = %419, %357
  %359 = phi i64 [ %424, %419 ], [ %37, %357 ]
  %360 = icmp slt i64 %359, %33
  br i1 %360, label %361, label %425

361:                                              ; preds = %358
  br label %362

362:                                              ; preds = %367, %361
  %363 = phi i64 [ %389, %367 ], [ 0, %361 ]
  %364 = phi <16 x float> [ %381, %367 ], [ zeroinitializer, %361 ]
  %365 = phi <16 x float> [ %388, %367 ], [ zeroinitializer, %361 ]
  %366 = icmp slt i64 %363, 29
  br i1 %366, label %367, label %390

367:                                              ; preds = %362
  %368 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %369 = mul nuw nsw i64 %359, 29
  %370 = add nuw nsw i64 %369, %363
  %371 = getelementptr inbounds nuw float, ptr %368, i64 %370
  %372 = load float, ptr %371, align 4
  %373 = insertelement <16 x float> poison, float %372, i32 0
  %374 = shufflevector <16 x float> %373, <16 x float> poison, <16 x i32> zeroinitializer
  %375 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %376 = mul i64 %363, 45
  %377 = add i64 %376, 0
  %378 = getelementptr float, ptr %375, i64 %377
  %379 = load <16 x float>, ptr %378, align 4
  %380 = fmul contract <16 x float> %374, %379
  %381 = fadd reassoc contract <16 x float> %364, %380
  %382 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %383 = mul i64 %363, 45
  %384 = add i64 %383, 16
  %385 = getelementptr float, ptr %382, i64 %384
  %386 = load <16 x float>, ptr %385, align 4
  %387 = fmul contract <16 x float> %374, %386
  %388 = fadd reassoc contract <16 x float> %365, %387
  %389 = add i64 %363, 1
  br label %362

390:                                              ; preds = %362
  %391 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %392 = mul i64 %359, 45
  %393 = add i64 %392, 0
  %394 = getelementptr float, ptr %391, i64 %393
  store <16 x float> %364, ptr %394, align 4
  %395 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %396 = mul i64 %359, 45
  %397 = add i64 %396, 16
  %398 = getelementptr float, ptr %395, i64 %397
  store <16 x float> %365, ptr %398, align 4
  br label %399

399:                                              ; preds = %403, %390
  %400 = phi i64 [ %418, %403 ], [ 0, %390 ]
  %401 = phi <16 x float> [ %417, %403 ], [ zeroinitializer, %390 ]
  %402 = icmp slt i64 %400, 29
  br i1 %402, label %403, label %419

403:                                              ; preds = %399
  %404 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %405 = mul nuw nsw i64 %359, 29
  %406 = add nuw nsw i64 %405, %400
  %407 = getelementptr inbounds nuw float, ptr %404, i64 %406
  %408 = load float, ptr %407, align 4
  %409 = insertelement <16 x float> poison, float %408, i32 0
  %410 = shufflevector <16 x float> %409, <16 x float> poison, <16 x i32> zeroinitializer
  %411 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %412 = mul i64 %400, 45
  %413 = add i64 %412, 32
  %414 = getelementptr float, ptr %411, i64 %413
  %415 = call <16 x float> @llvm.masked.load.v16f32.p0(ptr align 4 %414, <16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false, i1 false, i1 false>, <16 x float> zeroinitializer)
  %416 = fmul contract <16 x float> %410, %415
  %417 = fadd reassoc contract <16 x float> %401, %416
  %418 = add i64 %400, 1
  br label %399

419:                                              ; preds = %399
  %420 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %421 = mul i64 %359, 45
  %422 = add i64 %421, 32
  %423 = getelementptr float, ptr %420, i64 %422
  call void @llvm.masked.store.v16f32.p0(<16 x float> %401, ptr align 4 %423, <16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false, i1 false, i1 false>)
  %424 = add i64 %359, 1
  br label %358

425:                                              ; preds = %358
  %426 = add i64 %28, 1
  br label %27

427:                                              ; preds = %27
  ret void
}

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare i64 @llvm.umin.i64(i64, i64) #0

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(argmem: write)
declare void @llvm.masked.store.v16f32.p0(<16 x float>, ptr captures(none), <16 x i1>) #1

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(argmem: read)
declare <16 x float> @llvm.masked.load.v16f32.p0(ptr captures(none), <16 x i1>, <16 x float>) #2

attributes #0 = { nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none) }
attributes #1 = { nocallback nofree nosync nounwind willreturn memory(argmem: write) }
attributes #2 = { nocallback nofree nosync nounwind willreturn memory(argmem: read) }

!llvm.module.flags = !{!0}

!0 = !{i32 2, !"Debug Info Version", i32 3}
