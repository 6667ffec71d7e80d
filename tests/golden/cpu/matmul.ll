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

27:                                               ; preds = %420, %5
  %28 = phi i64 [ %421, %420 ], [ %3, %5 ]
  %29 = icmp slt i64 %28, %4
  br i1 %29, label %30, label %422

30:                                               ; preds = %27
  %31 = mul i64 %28, 37
  %32 = add i64 %31, 37
  %33 = icmp ult i64 %32, 37
  %34 = select i1 %33, i64 %32, i64 37
  %35 = sub i64 %34, %31
  %36 = udiv i64 %35, 8
  %37 = mul i64 %36, 8
  %38 = add i64 %31, %37
  br label %39

39:                                               ; preds = %346, %30
  %40 = phi i64 [ %347, %346 ], [ %31, %30 ]
  %41 = icmp slt i64 %40, %38
  br i1 %41, label %42, label %348

42:                                               ; preds = %39
  %43 = add i64 %40, 1
  %44 = add i64 %40, 2
  %45 = add i64 %40, 3
  %46 = add i64 %40, 4
  %47 = add i64 %40, 5
  %48 = add i64 %40, 6
  %49 = add i64 %40, 7
  br label %50

50:                                               ; preds = %69, %42
  %51 = phi i64 [ %168, %69 ], [ 0, %42 ]
  %52 = phi <16 x float> [ %83, %69 ], [ zeroinitializer, %42 ]
  %53 = phi <16 x float> [ %90, %69 ], [ zeroinitializer, %42 ]
  %54 = phi <16 x float> [ %99, %69 ], [ zeroinitializer, %42 ]
  %55 = phi <16 x float> [ %101, %69 ], [ zeroinitializer, %42 ]
  %56 = phi <16 x float> [ %110, %69 ], [ zeroinitializer, %42 ]
  %57 = phi <16 x float> [ %112, %69 ], [ zeroinitializer, %42 ]
  %58 = phi <16 x float> [ %121, %69 ], [ zeroinitializer, %42 ]
  %59 = phi <16 x float> [ %123, %69 ], [ zeroinitializer, %42 ]
  %60 = phi <16 x float> [ %132, %69 ], [ zeroinitializer, %42 ]
  %61 = phi <16 x float> [ %134, %69 ], [ zeroinitializer, %42 ]
  %62 = phi <16 x float> [ %143, %69 ], [ zeroinitializer, %42 ]
  %63 = phi <16 x float> [ %145, %69 ], [ zeroinitializer, %42 ]
  %64 = phi <16 x float> [ %154, %69 ], [ zeroinitializer, %42 ]
  %65 = phi <16 x float> [ %156, %69 ], [ zeroinitializer, %42 ]
  %66 = phi <16 x float> [ %165, %69 ], [ zeroinitializer, %42 ]
  %67 = phi <16 x float> [ %167, %69 ], [ zeroinitializer, %42 ]
  %68 = icmp slt i64 %51, 29
  br i1 %68, label %69, label %169

69:                                               ; preds = %50
  %70 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %71 = mul nuw nsw i64 %40, 29
  %72 = add nuw nsw i64 %71, %51
  %73 = getelementptr inbounds nuw float, ptr %70, i64 %72
  %74 = load float, ptr %73, align 4
  %75 = insertelement <16 x float> poison, float %74, i32 0
  %76 = shufflevector <16 x float> %75, <16 x float> poison, <16 x i32> zeroinitializer
  %77 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %78 = mul i64 %51, 45
  %79 = add i64 %78, 0
  %80 = getelementptr float, ptr %77, i64 %79
  %81 = load <16 x float>, ptr %80, align 4
  %82 = fmul reassoc contract <16 x float> %76, %81
  %83 = fadd reassoc contract <16 x float> %52, %82
  %84 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %85 = mul i64 %51, 45
  %86 = add i64 %85, 16
  %87 = getelementptr float, ptr %84, i64 %86
  %88 = load <16 x float>, ptr %87, align 4
  %89 = fmul reassoc contract <16 x float> %76, %88
  %90 = fadd reassoc contract <16 x float> %53, %89
  %91 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %92 = mul nuw nsw i64 %43, 29
  %93 = add nuw nsw i64 %92, %51
  %94 = getelementptr inbounds nuw float, ptr %91, i64 %93
  %95 = load float, ptr %94, align 4
  %96 = insertelement <16 x float> poison, float %95, i32 0
  %97 = shufflevector <16 x float> %96, <16 x float> poison, <16 x i32> zeroinitializer
  %98 = fmul reassoc contract <16 x float> %97, %81
  %99 = fadd reassoc contract <16 x float> %54, %98
  %100 = fmul reassoc contract <16 x float> %97, %88
  %101 = fadd reassoc contract <16 x float> %55, %100
  %102 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %103 = mul nuw nsw i64 %44, 29
  %104 = add nuw nsw i64 %103, %51
  %105 = getelementptr inbounds nuw float, ptr %102, i64 %104
  %106 = load float, ptr %105, align 4
  %107 = insertelement <16 x float> poison, float %106, i32 0
  %108 = shufflevector <16 x float> %107, <16 x float> poison, <16 x i32> zeroinitializer
  %109 = fmul reassoc contract <16 x float> %108, %81
  %110 = fadd reassoc contract <16 x float> %56, %109
  %111 = fmul reassoc contract <16 x float> %108, %88
  %112 = fadd reassoc contract <16 x float> %57, %111
  %113 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %114 = mul nuw nsw i64 %45, 29
  %115 = add nuw nsw i64 %114, %51
  %116 = getelementptr inbounds nuw float, ptr %113, i64 %115
  %117 = load float, ptr %116, align 4
  %118 = insertelement <16 x float> poison, float %117, i32 0
  %119 = shufflevector <16 x float> %118, <16 x float> poison, <16 x i32> zeroinitializer
  %120 = fmul reassoc contract <16 x float> %119, %81
  %121 = fadd reassoc contract <16 x float> %58, %120
  %122 = fmul reassoc contract <16 x float> %119, %88
  %123 = fadd reassoc contract <16 x float> %59, %122
  %124 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %125 = mul nuw nsw i64 %46, 29
  %126 = add nuw nsw i64 %125, %51
  %127 = getelementptr inbounds nuw float, ptr %124, i64 %126
  %128 = load float, ptr %127, align 4
  %129 = insertelement <16 x float> poison, float %128, i32 0
  %130 = shufflevector <16 x float> %129, <16 x float> poison, <16 x i32> zeroinitializer
  %131 = fmul reassoc contract <16 x float> %130, %81
  %132 = fadd reassoc contract <16 x float> %60, %131
  %133 = fmul reassoc contract <16 x float> %130, %88
  %134 = fadd reassoc contract <16 x float> %61, %133
  %135 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %136 = mul nuw nsw i64 %47, 29
  %137 = add nuw nsw i64 %136, %51
  %138 = getelementptr inbounds nuw float, ptr %135, i64 %137
  %139 = load float, ptr %138, align 4
  %140 = insertelement <16 x float> poison, float %139, i32 0
  %141 = shufflevector <16 x float> %140, <16 x float> poison, <16 x i32> zeroinitializer
  %142 = fmul reassoc contract <16 x float> %141, %81
  %143 = fadd reassoc contract <16 x float> %62, %142
  %144 = fmul reassoc contract <16 x float> %141, %88
  %145 = fadd reassoc contract <16 x float> %63, %144
  %146 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %147 = mul nuw nsw i64 %48, 29
  %148 = add nuw nsw i64 %147, %51
  %149 = getelementptr inbounds nuw float, ptr %146, i64 %148
  %150 = load float, ptr %149, align 4
  %151 = insertelement <16 x float> poison, float %150, i32 0
  %152 = shufflevector <16 x float> %151, <16 x float> poison, <16 x i32> zeroinitializer
  %153 = fmul reassoc contract <16 x float> %152, %81
  %154 = fadd reassoc contract <16 x float> %64, %153
  %155 = fmul reassoc contract <16 x float> %152, %88
  %156 = fadd reassoc contract <16 x float> %65, %155
  %157 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %158 = mul nuw nsw i64 %49, 29
  %159 = add nuw nsw i64 %158, %51
  %160 = getelementptr inbounds nuw float, ptr %157, i64 %159
  %161 = load float, ptr %160, align 4
  %162 = insertelement <16 x float> poison, float %161, i32 0
  %163 = shufflevector <16 x float> %162, <16 x float> poison, <16 x i32> zeroinitializer
  %164 = fmul reassoc contract <16 x float> %163, %81
  %165 = fadd reassoc contract <16 x float> %66, %164
  %166 = fmul reassoc contract <16 x float> %163, %88
  %167 = fadd reassoc contract <16 x float> %67, %166
  %168 = add i64 %51, 1
  br label %50

169:                                              ; preds = %50
  %170 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %171 = mul i64 %40, 45
  %172 = add i64 %171, 0
  %173 = getelementptr float, ptr %170, i64 %172
  store <16 x float> %52, ptr %173, align 4
  %174 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %175 = mul i64 %40, 45
  %176 = add i64 %175, 16
  %177 = getelementptr float, ptr %174, i64 %176
  store <16 x float> %53, ptr %177, align 4
  %178 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %179 = mul i64 %43, 45
  %180 = add i64 %179, 0
  %181 = getelementptr float, ptr %178, i64 %180
  store <16 x float> %54, ptr %181, align 4
  %182 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %183 = mul i64 %43, 45
  %184 = add i64 %183, 16
  %185 = getelementptr float, ptr %182, i64 %184
  store <16 x float> %55, ptr %185, align 4
  %186 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %187 = mul i64 %44, 45
  %188 = add i64 %187, 0
  %189 = getelementptr float, ptr %186, i64 %188
  store <16 x float> %56, ptr %189, align 4
  %190 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %191 = mul i64 %44, 45
  %192 = add i64 %191, 16
  %193 = getelementptr float, ptr %190, i64 %192
  store <16 x float> %57, ptr %193, align 4
  %194 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %195 = mul i64 %45, 45
  %196 = add i64 %195, 0
  %197 = getelementptr float, ptr %194, i64 %196
  store <16 x float> %58, ptr %197, align 4
  %198 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %199 = mul i64 %45, 45
  %200 = add i64 %199, 16
  %201 = getelementptr float, ptr %198, i64 %200
  store <16 x float> %59, ptr %201, align 4
  %202 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %203 = mul i64 %46, 45
  %204 = add i64 %203, 0
  %205 = getelementptr float, ptr %202, i64 %204
  store <16 x float> %60, ptr %205, align 4
  %206 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %207 = mul i64 %46, 45
  %208 = add i64 %207, 16
  %209 = getelementptr float, ptr %206, i64 %208
  store <16 x float> %61, ptr %209, align 4
  %210 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %211 = mul i64 %47, 45
  %212 = add i64 %211, 0
  %213 = getelementptr float, ptr %210, i64 %212
  store <16 x float> %62, ptr %213, align 4
  %214 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %215 = mul i64 %47, 45
  %216 = add i64 %215, 16
  %217 = getelementptr float, ptr %214, i64 %216
  store <16 x float> %63, ptr %217, align 4
  %218 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %219 = mul i64 %48, 45
  %220 = add i64 %219, 0
  %221 = getelementptr float, ptr %218, i64 %220
  store <16 x float> %64, ptr %221, align 4
  %222 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %223 = mul i64 %48, 45
  %224 = add i64 %223, 16
  %225 = getelementptr float, ptr %222, i64 %224
  store <16 x float> %65, ptr %225, align 4
  %226 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %227 = mul i64 %49, 45
  %228 = add i64 %227, 0
  %229 = getelementptr float, ptr %226, i64 %228
  store <16 x float> %66, ptr %229, align 4
  %230 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %231 = mul i64 %49, 45
  %232 = add i64 %231, 16
  %233 = getelementptr float, ptr %230, i64 %232
  store <16 x float> %67, ptr %233, align 4
  br label %234

234:                                              ; preds = %312, %169
  %235 = phi i64 [ %345, %312 ], [ 32, %169 ]
  %236 = icmp slt i64 %235, 45
  br i1 %236, label %237, label %346

237:                                              ; preds = %234
  br label %238

238:                                              ; preds = %249, %237
  %239 = phi i64 [ %311, %249 ], [ 0, %237 ]
  %240 = phi float [ %261, %249 ], [ 0.000000e+00, %237 ]
  %241 = phi float [ %268, %249 ], [ 0.000000e+00, %237 ]
  %242 = phi float [ %275, %249 ], [ 0.000000e+00, %237 ]
  %243 = phi float [ %282, %249 ], [ 0.000000e+00, %237 ]
  %244 = phi float [ %289, %249 ], [ 0.000000e+00, %237 ]
  %245 = phi float [ %296, %249 ], [ 0.000000e+00, %237 ]
  %246 = phi float [ %303, %249 ], [ 0.000000e+00, %237 ]
  %247 = phi float [ %310, %249 ], [ 0.000000e+00, %237 ]
  %248 = icmp slt i64 %239, 29
  br i1 %248, label %249, label %312

249:                                              ; preds = %238
  %250 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %251 = mul nuw nsw i64 %40, 29
  %252 = add nuw nsw i64 %251, %239
  %253 = getelementptr inbounds nuw float, ptr %250, i64 %252
  %254 = load float, ptr %253, align 4
  %255 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %256 = mul nuw nsw i64 %239, 45
  %257 = add nuw nsw i64 %256, %235
  %258 = getelementptr inbounds nuw float, ptr %255, i64 %257
  %259 = load float, ptr %258, align 4
  %260 = fmul reassoc contract float %254, %259
  %261 = fadd reassoc contract float %240, %260
  %262 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %263 = mul nuw nsw i64 %43, 29
  %264 = add nuw nsw i64 %263, %239
  %265 = getelementptr inbounds nuw float, ptr %262, i64 %264
  %266 = load float, ptr %265, align 4
  %267 = fmul reassoc contract float %266, %259
  %268 = fadd reassoc contract float %241, %267
  %269 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %270 = mul nuw nsw i64 %44, 29
  %271 = add nuw nsw i64 %270, %239
  %272 = getelementptr inbounds nuw float, ptr %269, i64 %271
  %273 = load float, ptr %272, align 4
  %274 = fmul reassoc contract float %273, %259
  %275 = fadd reassoc contract float %242, %274
  %276 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %277 = mul nuw nsw i64 %45, 29
  %278 = add nuw nsw i64 %277, %239
  %279 = getelementptr inbounds nuw float, ptr %276, i64 %278
  %280 = load float, ptr %279, align 4
  %281 = fmul reassoc contract float %280, %259
  %282 = fadd reassoc contract float %243, %281
  %283 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %284 = mul nuw nsw i64 %46, 29
  %285 = add nuw nsw i64 %284, %239
  %286 = getelementptr inbounds nuw float, ptr %283, i64 %285
  %287 = load float, ptr %286, align 4
  %288 = fmul reassoc contract float %287, %259
  %289 = fadd reassoc contract float %244, %288
  %290 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %291 = mul nuw nsw i64 %47, 29
  %292 = add nuw nsw i64 %291, %239
  %293 = getelementptr inbounds nuw float, ptr %290, i64 %292
  %294 = load float, ptr %293, align 4
  %295 = fmul reassoc contract float %294, %259
  %296 = fadd reassoc contract float %245, %295
  %297 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %298 = mul nuw nsw i64 %48, 29
  %299 = add nuw nsw i64 %298, %239
  %300 = getelementptr inbounds nuw float, ptr %297, i64 %299
  %301 = load float, ptr %300, align 4
  %302 = fmul reassoc contract float %301, %259
  %303 = fadd reassoc contract float %246, %302
  %304 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %305 = mul nuw nsw i64 %49, 29
  %306 = add nuw nsw i64 %305, %239
  %307 = getelementptr inbounds nuw float, ptr %304, i64 %306
  %308 = load float, ptr %307, align 4
  %309 = fmul reassoc contract float %308, %259
  %310 = fadd reassoc contract float %247, %309
  %311 = add i64 %239, 1
  br label %238

312:                                              ; preds = %238
  %313 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %314 = mul nuw nsw i64 %40, 45
  %315 = add nuw nsw i64 %314, %235
  %316 = getelementptr inbounds nuw float, ptr %313, i64 %315
  store float %240, ptr %316, align 4
  %317 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %318 = mul nuw nsw i64 %43, 45
  %319 = add nuw nsw i64 %318, %235
  %320 = getelementptr inbounds nuw float, ptr %317, i64 %319
  store float %241, ptr %320, align 4
  %321 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %322 = mul nuw nsw i64 %44, 45
  %323 = add nuw nsw i64 %322, %235
  %324 = getelementptr inbounds nuw float, ptr %321, i64 %323
  store float %242, ptr %324, align 4
  %325 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %326 = mul nuw nsw i64 %45, 45
  %327 = add nuw nsw i64 %326, %235
  %328 = getelementptr inbounds nuw float, ptr %325, i64 %327
  store float %243, ptr %328, align 4
  %329 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %330 = mul nuw nsw i64 %46, 45
  %331 = add nuw nsw i64 %330, %235
  %332 = getelementptr inbounds nuw float, ptr %329, i64 %331
  store float %244, ptr %332, align 4
  %333 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %334 = mul nuw nsw i64 %47, 45
  %335 = add nuw nsw i64 %334, %235
  %336 = getelementptr inbounds nuw float, ptr %333, i64 %335
  store float %245, ptr %336, align 4
  %337 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %338 = mul nuw nsw i64 %48, 45
  %339 = add nuw nsw i64 %338, %235
  %340 = getelementptr inbounds nuw float, ptr %337, i64 %339
  store float %246, ptr %340, align 4
  %341 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %342 = mul nuw nsw i64 %49, 45
  %343 = add nuw nsw i64 %342, %235
  %344 = getelementptr inbounds nuw float, ptr %341, i64 %343
  store float %247, ptr %344, align 4
  %345 = add i64 %235, 1
  br label %234

346:                                              ; preds = %234
  %347 = add i64 %40, 8
  br label %39

348:                                              ; preds = %39
  br label %349

349:                                              ; preds = %418, %348
  %350 = phi i64 [ %419, %418 ], [ %38, %348 ]
  %351 = icmp slt i64 %350, %34
  br i1 %351, label %352, label %420

352:                                              ; preds = %349
  br label %353

353:                                              ; preds = %358, %352
  %354 = phi i64 [ %380, %358 ], [ 0, %352 ]
  %355 = phi <16 x float> [ %372, %358 ], [ zeroinitializer, %352 ]
  %356 = phi <16 x float> [ %379, %358 ], [ zeroinitializer, %352 ]
  %357 = icmp slt i64 %354, 29
  br i1 %357, label %358, label %381

358:                                              ; preds = %353
  %359 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %360 = mul nuw nsw i64 %350, 29
  %361 = add nuw nsw i64 %360, %354
  %362 = getelementptr inbounds nuw float, ptr %359, i64 %361
  %363 = load float, ptr %362, align 4
  %364 = insertelement <16 x float> poison, float %363, i32 0
  %365 = shufflevector <16 x float> %364, <16 x float> poison, <16 x i32> zeroinitializer
  %366 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %367 = mul i64 %354, 45
  %368 = add i64 %367, 0
  %369 = getelementptr float, ptr %366, i64 %368
  %370 = load <16 x float>, ptr %369, align 4
  %371 = fmul reassoc contract <16 x float> %365, %370
  %372 = fadd reassoc contract <16 x float> %355, %371
  %373 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %374 = mul i64 %354, 45
  %375 = add i64 %374, 16
  %376 = getelementptr float, ptr %373, i64 %375
  %377 = load <16 x float>, ptr %376, align 4
  %378 = fmul reassoc contract <16 x float> %365, %377
  %379 = fadd reassoc contract <16 x float> %356, %378
  %380 = add i64 %354, 1
  br label %353

381:                                              ; preds = %353
  %382 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %383 = mul i64 %350, 45
  %384 = add i64 %383, 0
  %385 = getelementptr float, ptr %382, i64 %384
  store <16 x float> %355, ptr %385, align 4
  %386 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %387 = mul i64 %350, 45
  %388 = add i64 %387, 16
  %389 = getelementptr float, ptr %386, i64 %388
  store <16 x float> %356, ptr %389, align 4
  br label %390

390:                                              ; preds = %412, %381
  %391 = phi i64 [ %417, %412 ], [ 32, %381 ]
  %392 = icmp slt i64 %391, 45
  br i1 %392, label %393, label %418

393:                                              ; preds = %390
  br label %394

394:                                              ; preds = %398, %393
  %395 = phi i64 [ %411, %398 ], [ 0, %393 ]
  %396 = phi float [ %410, %398 ], [ 0.000000e+00, %393 ]
  %397 = icmp slt i64 %395, 29
  br i1 %397, label %398, label %412

398:                                              ; preds = %394
  %399 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, 1
  %400 = mul nuw nsw i64 %350, 29
  %401 = add nuw nsw i64 %400, %395
  %402 = getelementptr inbounds nuw float, ptr %399, i64 %401
  %403 = load float, ptr %402, align 4
  %404 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, 1
  %405 = mul nuw nsw i64 %395, 45
  %406 = add nuw nsw i64 %405, %391
  %407 = getelementptr inbounds nuw float, ptr %404, i64 %406
  %408 = load float, ptr %407, align 4
  %409 = fmul reassoc contract float %403, %408
  %410 = fadd reassoc contract float %396, %409
  %411 = add i64 %395, 1
  br label %394

412:                                              ; preds = %394
  %413 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %26, 1
  %414 = mul nuw nsw i64 %350, 45
  %415 = add nuw nsw i64 %414, %391
  %416 = getelementptr inbounds nuw float, ptr %413, i64 %415
  store float %396, ptr %416, align 4
  %417 = add i64 %391, 1
  br label %390

418:                                              ; preds = %390
  %419 = add i64 %350, 1
  br label %349

420:                                              ; preds = %349
  %421 = add i64 %28, 1
  br label %27

422:                                              ; preds = %27
  ret void
}

!llvm.module.flags = !{!0}

!0 = !{i32 2, !"Debug Info Version", i32 3}
