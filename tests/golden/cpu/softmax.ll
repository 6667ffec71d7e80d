; ModuleID = 'LLVMDialectModule'
source_filename = "LLVMDialectModule"

define void @s0(ptr %0, ptr %1, i64 %2, i64 %3) {
  %5 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } poison, ptr %1, 0
  %6 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %5, ptr %1, 1
  %7 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %6, i64 0, 2
  %8 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %7, i64 5, 3, 0
  %9 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %8, i64 33, 4, 0
  %10 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %9, i64 33, 3, 1
  %11 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %10, i64 1, 4, 1
  %12 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } poison, ptr %0, 0
  %13 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %12, ptr %0, 1
  %14 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %13, i64 0, 2
  %15 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %14, i64 5, 3, 0
  %16 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %15, i64 1, 4, 0
  br label %17

17:                                               ; preds = %173, %4
  %18 = phi i64 [ %174, %173 ], [ %2, %4 ]
  %19 = icmp slt i64 %18, %3
  br i1 %19, label %20, label %175

20:                                               ; preds = %17
  %21 = mul i64 %18, 5
  %22 = add i64 %21, 5
  %23 = icmp ult i64 %22, 5
  %24 = select i1 %23, i64 %22, i64 5
  %25 = sub i64 %24, %21
  %26 = udiv i64 %25, 4
  %27 = mul i64 %26, 4
  %28 = add i64 %21, %27
  br label %29

29:                                               ; preds = %32, %20
  %30 = phi i64 [ %140, %32 ], [ %21, %20 ]
  %31 = icmp slt i64 %30, %28
  br i1 %31, label %32, label %141

32:                                               ; preds = %29
  %33 = add i64 %30, 1
  %34 = add i64 %30, 2
  %35 = add i64 %30, 3
  %36 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %37 = mul i64 %30, 33
  %38 = add i64 %37, 0
  %39 = getelementptr float, ptr %36, i64 %38
  %40 = load <16 x float>, ptr %39, align 4
  %41 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %42 = mul i64 %30, 33
  %43 = add i64 %42, 16
  %44 = getelementptr float, ptr %41, i64 %43
  %45 = load <16 x float>, ptr %44, align 4
  %46 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %47 = mul i64 %33, 33
  %48 = add i64 %47, 0
  %49 = getelementptr float, ptr %46, i64 %48
  %50 = load <16 x float>, ptr %49, align 4
  %51 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %52 = mul i64 %33, 33
  %53 = add i64 %52, 16
  %54 = getelementptr float, ptr %51, i64 %53
  %55 = load <16 x float>, ptr %54, align 4
  %56 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %57 = mul i64 %34, 33
  %58 = add i64 %57, 0
  %59 = getelementptr float, ptr %56, i64 %58
  %60 = load <16 x float>, ptr %59, align 4
  %61 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %62 = mul i64 %34, 33
  %63 = add i64 %62, 16
  %64 = getelementptr float, ptr %61, i64 %63
  %65 = load <16 x float>, ptr %64, align 4
  %66 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %67 = mul i64 %35, 33
  %68 = add i64 %67, 0
  %69 = getelementptr float, ptr %66, i64 %68
  %70 = load <16 x float>, ptr %69, align 4
  %71 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %72 = mul i64 %35, 33
  %73 = add i64 %72, 16
  %74 = getelementptr float, ptr %71, i64 %73
  %75 = load <16 x float>, ptr %74, align 4
  %76 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %77 = mul nuw nsw i64 %30, 33
  %78 = add nuw nsw i64 %77, 32
  %79 = getelementptr inbounds nuw float, ptr %76, i64 %78
  %80 = load float, ptr %79, align 4
  %81 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %82 = mul nuw nsw i64 %33, 33
  %83 = add nuw nsw i64 %82, 32
  %84 = getelementptr inbounds nuw float, ptr %81, i64 %83
  %85 = load float, ptr %84, align 4
  %86 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %87 = mul nuw nsw i64 %34, 33
  %88 = add nuw nsw i64 %87, 32
  %89 = getelementptr inbounds nuw float, ptr %86, i64 %88
  %90 = load float, ptr %89, align 4
  %91 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %92 = mul nuw nsw i64 %35, 33
  %93 = add nuw nsw i64 %92, 32
  %94 = getelementptr inbounds nuw float, ptr %91, i64 %93
  %95 = load float, ptr %94, align 4
  %96 = fcmp ugt <16 x float> %40, %45
  %97 = select <16 x i1> %96, <16 x float> %40, <16 x float> %45
  %98 = fcmp uno <16 x float> %45, %45
  %99 = select <16 x i1> %98, <16 x float> %45, <16 x float> %97
  %100 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %99)
  %101 = fcmp ugt float %80, %100
  %102 = select i1 %101, float %80, float %100
  %103 = fcmp uno float %100, %100
  %104 = select i1 %103, float %100, float %102
  %105 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %106 = getelementptr inbounds nuw float, ptr %105, i64 %30
  store float %104, ptr %106, align 4
  %107 = fcmp ugt <16 x float> %50, %55
  %108 = select <16 x i1> %107, <16 x float> %50, <16 x float> %55
  %109 = fcmp uno <16 x float> %55, %55
  %110 = select <16 x i1> %109, <16 x float> %55, <16 x float> %108
  %111 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %110)
  %112 = fcmp ugt float %85, %111
  %113 = select i1 %112, float %85, float %111
  %114 = fcmp uno float %111, %111
  %115 = select i1 %114, float %111, float %113
  %116 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %117 = getelementptr inbounds nuw float, ptr %116, i64 %33
  store float %115, ptr %117, align 4
  %118 = fcmp ugt <16 x float> %60, %65
  %119 = select <16 x i1> %118, <16 x float> %60, <16 x float> %65
  %120 = fcmp uno <16 x float> %65, %65
  %121 = select <16 x i1> %120, <16 x float> %65, <16 x float> %119
  %122 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %121)
  %123 = fcmp ugt float %90, %122
  %124 = select i1 %123, float %90, float %122
  %125 = fcmp uno float %122, %122
  %126 = select i1 %125, float %122, float %124
  %127 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %128 = getelementptr inbounds nuw float, ptr %127, i64 %34
  store float %126, ptr %128, align 4
  %129 = fcmp ugt <16 x float> %70, %75
  %130 = select <16 x i1> %129, <16 x float> %70, <16 x float> %75
  %131 = fcmp uno <16 x float> %75, %75
  %132 = select <16 x i1> %131, <16 x float> %75, <16 x float> %130
  %133 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %132)
  %134 = fcmp ugt float %95, %133
  %135 = select i1 %134, float %95, float %133
  %136 = fcmp uno float %133, %133
  %137 = select i1 %136, float %133, float %135
  %138 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %139 = getelementptr inbounds nuw float, ptr %138, i64 %35
  store float %137, ptr %139, align 4
  %140 = add i64 %30, 4
  br label %29

141:                                              ; preds = %29
  br label %142

142:                                              ; preds = %145, %141
  %143 = phi i64 [ %172, %145 ], [ %28, %141 ]
  %144 = icmp slt i64 %143, %24
  br i1 %144, label %145, label %173

145:                                              ; preds = %142
  %146 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %147 = mul i64 %143, 33
  %148 = add i64 %147, 0
  %149 = getelementptr float, ptr %146, i64 %148
  %150 = load <16 x float>, ptr %149, align 4
  %151 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %152 = mul i64 %143, 33
  %153 = add i64 %152, 16
  %154 = getelementptr float, ptr %151, i64 %153
  %155 = load <16 x float>, ptr %154, align 4
  %156 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %157 = mul nuw nsw i64 %143, 33
  %158 = add nuw nsw i64 %157, 32
  %159 = getelementptr inbounds nuw float, ptr %156, i64 %158
  %160 = load float, ptr %159, align 4
  %161 = fcmp ugt <16 x float> %150, %155
  %162 = select <16 x i1> %161, <16 x float> %150, <16 x float> %155
  %163 = fcmp uno <16 x float> %155, %155
  %164 = select <16 x i1> %163, <16 x float> %155, <16 x float> %162
  %165 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %164)
  %166 = fcmp ugt float %160, %165
  %167 = select i1 %166, float %160, float %165
  %168 = fcmp uno float %165, %165
  %169 = select i1 %168, float %165, float %167
  %170 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %171 = getelementptr inbounds nuw float, ptr %170, i64 %143
  store float %169, ptr %171, align 4
  %172 = add i64 %143, 1
  br label %142

173:                                              ; preds = %142
  %174 = add i64 %18, 1
  br label %17

175:                                              ; preds = %17
  ret void
}

define void @s1(ptr %0, ptr %1, ptr %2, i64 %3, i64 %4) {
  %6 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } poison, ptr %2, 0
  %7 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %6, ptr %2, 1
  %8 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %7, i64 0, 2
  %9 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %8, i64 5, 3, 0
  %10 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %9, i64 1, 4, 0
  %11 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } poison, ptr %1, 0
  %12 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, ptr %1, 1
  %13 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, i64 0, 2
  %14 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %13, i64 5, 3, 0
  %15 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %14, i64 33, 4, 0
  %16 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %15, i64 33, 3, 1
  %17 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %16, i64 1, 4, 1
  %18 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } poison, ptr %0, 0
  %19 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %18, ptr %0, 1
  %20 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, i64 0, 2
  %21 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %20, i64 5, 3, 0
  %22 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %21, i64 33, 4, 0
  %23 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %22, i64 33, 3, 1
  %24 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %23, i64 1, 4, 1
  br label %25

25:                                               ; preds = %128, %5
  %26 = phi i64 [ %129, %128 ], [ %3, %5 ]
  %27 = icmp slt i64 %26, %4
  br i1 %27, label %28, label %130

28:                                               ; preds = %25
  %29 = mul i64 %26, 5
  %30 = add i64 %29, 5
  %31 = icmp ult i64 %30, 5
  %32 = select i1 %31, i64 %30, i64 5
  br label %33

33:                                               ; preds = %86, %28
  %34 = phi i64 [ %127, %86 ], [ %29, %28 ]
  %35 = icmp slt i64 %34, %32
  br i1 %35, label %36, label %128

36:                                               ; preds = %33
  br label %37

37:                                               ; preds = %40, %36
  %38 = phi i64 [ %85, %40 ], [ 0, %36 ]
  %39 = icmp slt i64 %38, 32
  br i1 %39, label %40, label %86

40:                                               ; preds = %37
  %41 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %42 = mul i64 %34, 33
  %43 = add i64 %42, %38
  %44 = getelementptr float, ptr %41, i64 %43
  %45 = load <16 x float>, ptr %44, align 4
  %46 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %47 = getelementptr inbounds nuw float, ptr %46, i64 %34
  %48 = load float, ptr %47, align 4
  %49 = insertelement <16 x float> poison, float %48, i32 0
  %50 = shufflevector <16 x float> %49, <16 x float> poison, <16 x i32> zeroinitializer
  %51 = fsub reassoc contract <16 x float> %45, %50
  %52 = fcmp ult <16 x float> %51, splat (float 0x40561814A0000000)
  %53 = select <16 x i1> %52, <16 x float> %51, <16 x float> splat (float 0x40561814A0000000)
  %54 = select <16 x i1> zeroinitializer, <16 x float> splat (float 0x40561814A0000000), <16 x float> %53
  %55 = fcmp ugt <16 x float> %54, splat (float 0xC055D58A00000000)
  %56 = select <16 x i1> %55, <16 x float> %54, <16 x float> splat (float 0xC055D58A00000000)
  %57 = select <16 x i1> zeroinitializer, <16 x float> splat (float 0xC055D58A00000000), <16 x float> %56
  %58 = call <16 x float> @llvm.fma.v16f32(<16 x float> %57, <16 x float> splat (float 0x3FF7154760000000), <16 x float> splat (float 5.000000e-01))
  %59 = call <16 x float> @llvm.floor.v16f32(<16 x float> %58)
  %60 = call <16 x float> @llvm.fma.v16f32(<16 x float> %59, <16 x float> splat (float 0xBFE6300000000000), <16 x float> %57)
  %61 = call <16 x float> @llvm.fma.v16f32(<16 x float> %59, <16 x float> splat (float 0x3F2BD01060000000), <16 x float> %60)
  %62 = call <16 x float> @llvm.fma.v16f32(<16 x float> splat (float 0x3F2A0D2CE0000000), <16 x float> %61, <16 x float> splat (float 0x3F56E879C0000000))
  %63 = call <16 x float> @llvm.fma.v16f32(<16 x float> %62, <16 x float> %61, <16 x float> splat (float 0x3F81112100000000))
  %64 = call <16 x float> @llvm.fma.v16f32(<16 x float> %63, <16 x float> %61, <16 x float> splat (float 0x3FA5553820000000))
  %65 = call <16 x float> @llvm.fma.v16f32(<16 x float> %64, <16 x float> %61, <16 x float> splat (float 0x3FC5555540000000))
  %66 = call <16 x float> @llvm.fma.v16f32(<16 x float> %65, <16 x float> %61, <16 x float> splat (float 5.000000e-01))
  %67 = fmul <16 x float> %61, %61
  %68 = call <16 x float> @llvm.fma.v16f32(<16 x float> %66, <16 x float> %67, <16 x float> %61)
  %69 = fadd <16 x float> %68, splat (float 1.000000e+00)
  %70 = fptosi <16 x float> %59 to <16 x i32>
  %71 = add <16 x i32> %70, splat (i32 127)
  %72 = shl <16 x i32> %71, splat (i32 23)
  %73 = bitcast <16 x i32> %72 to <16 x float>
  %74 = fmul <16 x float> %69, %73
  %75 = fcmp olt <16 x float> %51, splat (float 0xC055D58A00000000)
  %76 = select <16 x i1> %75, <16 x float> zeroinitializer, <16 x float> %74
  %77 = fcmp ogt <16 x float> %51, splat (float 0x40561814A0000000)
  %78 = select <16 x i1> %77, <16 x float> splat (float 0x7FF0000000000000), <16 x float> %76
  %79 = fcmp uno <16 x float> %51, %51
  %80 = select <16 x i1> %79, <16 x float> %51, <16 x float> %78
  %81 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %82 = mul i64 %34, 33
  %83 = add i64 %82, %38
  %84 = getelementptr float, ptr %81, i64 %83
  store <16 x float> %80, ptr %84, align 4
  %85 = add i64 %38, 16
  br label %37

86:                                               ; preds = %37
  %87 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %88 = mul nuw nsw i64 %34, 33
  %89 = add nuw nsw i64 %88, 32
  %90 = getelementptr inbounds nuw float, ptr %87, i64 %89
  %91 = load float, ptr %90, align 4
  %92 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %93 = getelementptr inbounds nuw float, ptr %92, i64 %34
  %94 = load float, ptr %93, align 4
  %95 = fsub reassoc contract float %91, %94
  %96 = fcmp ult float %95, 0x40561814A0000000
  %97 = select i1 %96, float %95, float 0x40561814A0000000
  %98 = fcmp ugt float %97, 0xC055D58A00000000
  %99 = select i1 %98, float %97, float 0xC055D58A00000000
  %100 = call float @llvm.fma.f32(float %99, float 0x3FF7154760000000, float 5.000000e-01)
  %101 = call float @llvm.floor.f32(float %100)
  %102 = call float @llvm.fma.f32(float %101, float 0xBFE6300000000000, float %99)
  %103 = call float @llvm.fma.f32(float %101, float 0x3F2BD01060000000, float %102)
  %104 = call float @llvm.fma.f32(float 0x3F2A0D2CE0000000, float %103, float 0x3F56E879C0000000)
  %105 = call float @llvm.fma.f32(float %104, float %103, float 0x3F81112100000000)
  %106 = call float @llvm.fma.f32(float %105, float %103, float 0x3FA5553820000000)
  %107 = call float @llvm.fma.f32(float %106, float %103, float 0x3FC5555540000000)
  %108 = call float @llvm.fma.f32(float %107, float %103, float 5.000000e-01)
  %109 = fmul float %103, %103
  %110 = call float @llvm.fma.f32(float %108, float %109, float %103)
  %111 = fadd float %110, 1.000000e+00
  %112 = fptosi float %101 to i32
  %113 = add i32 %112, 127
  %114 = shl i32 %113, 23
  %115 = bitcast i32 %114 to float
  %116 = fmul float %111, %115
  %117 = fcmp olt float %95, 0xC055D58A00000000
  %118 = select i1 %117, float 0.000000e+00, float %116
  %119 = fcmp ogt float %95, 0x40561814A0000000
  %120 = select i1 %119, float 0x7FF0000000000000, float %118
  %121 = fcmp uno float %95, %95
  %122 = select i1 %121, float %95, float %120
  %123 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %124 = mul nuw nsw i64 %34, 33
  %125 = add nuw nsw i64 %124, 32
  %126 = getelementptr inbounds nuw float, ptr %123, i64 %125
  store float %122, ptr %126, align 4
  %127 = add i64 %34, 1
  br label %33

128:                                              ; preds = %33
  %129 = add i64 %26, 1
  br label %25

130:                                              ; preds = %25
  ret void
}

define void @s2(ptr %0, ptr %1, i64 %2, i64 %3) {
  %5 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } poison, ptr %1, 0
  %6 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %5, ptr %1, 1
  %7 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %6, i64 0, 2
  %8 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %7, i64 5, 3, 0
  %9 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %8, i64 33, 4, 0
  %10 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %9, i64 33, 3, 1
  %11 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %10, i64 1, 4, 1
  %12 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } poison, ptr %0, 0
  %13 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %12, ptr %0, 1
  %14 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %13, i64 0, 2
  %15 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %14, i64 5, 3, 0
  %16 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %15, i64 1, 4, 0
  br label %17

17:                                               ; preds = %158, %4
  %18 = phi i64 [ %159, %158 ], [ %2, %4 ]
  %19 = icmp slt i64 %18, %3
  br i1 %19, label %20, label %160

20:                                               ; preds = %17
  %21 = mul i64 %18, 5
  %22 = add i64 %21, 5
  %23 = icmp ult i64 %22, 5
  %24 = select i1 %23, i64 %22, i64 5
  %25 = sub i64 %24, %21
  %26 = udiv i64 %25, 4
  %27 = mul i64 %26, 4
  %28 = add i64 %21, %27
  br label %29

29:                                               ; preds = %32, %20
  %30 = phi i64 [ %128, %32 ], [ %21, %20 ]
  %31 = icmp slt i64 %30, %28
  br i1 %31, label %32, label %129

32:                                               ; preds = %29
  %33 = add i64 %30, 1
  %34 = add i64 %30, 2
  %35 = add i64 %30, 3
  %36 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %37 = mul i64 %30, 33
  %38 = add i64 %37, 0
  %39 = getelementptr float, ptr %36, i64 %38
  %40 = load <16 x float>, ptr %39, align 4
  %41 = fadd reassoc contract <16 x float> %40, zeroinitializer
  %42 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %43 = mul i64 %30, 33
  %44 = add i64 %43, 16
  %45 = getelementptr float, ptr %42, i64 %44
  %46 = load <16 x float>, ptr %45, align 4
  %47 = fadd reassoc contract <16 x float> %46, zeroinitializer
  %48 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %49 = mul i64 %33, 33
  %50 = add i64 %49, 0
  %51 = getelementptr float, ptr %48, i64 %50
  %52 = load <16 x float>, ptr %51, align 4
  %53 = fadd reassoc contract <16 x float> %52, zeroinitializer
  %54 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %55 = mul i64 %33, 33
  %56 = add i64 %55, 16
  %57 = getelementptr float, ptr %54, i64 %56
  %58 = load <16 x float>, ptr %57, align 4
  %59 = fadd reassoc contract <16 x float> %58, zeroinitializer
  %60 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %61 = mul i64 %34, 33
  %62 = add i64 %61, 0
  %63 = getelementptr float, ptr %60, i64 %62
  %64 = load <16 x float>, ptr %63, align 4
  %65 = fadd reassoc contract <16 x float> %64, zeroinitializer
  %66 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %67 = mul i64 %34, 33
  %68 = add i64 %67, 16
  %69 = getelementptr float, ptr %66, i64 %68
  %70 = load <16 x float>, ptr %69, align 4
  %71 = fadd reassoc contract <16 x float> %70, zeroinitializer
  %72 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %73 = mul i64 %35, 33
  %74 = add i64 %73, 0
  %75 = getelementptr float, ptr %72, i64 %74
  %76 = load <16 x float>, ptr %75, align 4
  %77 = fadd reassoc contract <16 x float> %76, zeroinitializer
  %78 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %79 = mul i64 %35, 33
  %80 = add i64 %79, 16
  %81 = getelementptr float, ptr %78, i64 %80
  %82 = load <16 x float>, ptr %81, align 4
  %83 = fadd reassoc contract <16 x float> %82, zeroinitializer
  %84 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %85 = mul nuw nsw i64 %30, 33
  %86 = add nuw nsw i64 %85, 32
  %87 = getelementptr inbounds nuw float, ptr %84, i64 %86
  %88 = load float, ptr %87, align 4
  %89 = fadd reassoc contract float %88, 0.000000e+00
  %90 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %91 = mul nuw nsw i64 %33, 33
  %92 = add nuw nsw i64 %91, 32
  %93 = getelementptr inbounds nuw float, ptr %90, i64 %92
  %94 = load float, ptr %93, align 4
  %95 = fadd reassoc contract float %94, 0.000000e+00
  %96 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %97 = mul nuw nsw i64 %34, 33
  %98 = add nuw nsw i64 %97, 32
  %99 = getelementptr inbounds nuw float, ptr %96, i64 %98
  %100 = load float, ptr %99, align 4
  %101 = fadd reassoc contract float %100, 0.000000e+00
  %102 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %103 = mul nuw nsw i64 %35, 33
  %104 = add nuw nsw i64 %103, 32
  %105 = getelementptr inbounds nuw float, ptr %102, i64 %104
  %106 = load float, ptr %105, align 4
  %107 = fadd reassoc contract float %106, 0.000000e+00
  %108 = fadd reassoc contract <16 x float> %41, %47
  %109 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %108)
  %110 = fadd reassoc contract float %89, %109
  %111 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %112 = getelementptr inbounds nuw float, ptr %111, i64 %30
  store float %110, ptr %112, align 4
  %113 = fadd reassoc contract <16 x float> %53, %59
  %114 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %113)
  %115 = fadd reassoc contract float %95, %114
  %116 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %117 = getelementptr inbounds nuw float, ptr %116, i64 %33
  store float %115, ptr %117, align 4
  %118 = fadd reassoc contract <16 x float> %65, %71
  %119 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %118)
  %120 = fadd reassoc contract float %101, %119
  %121 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %122 = getelementptr inbounds nuw float, ptr %121, i64 %34
  store float %120, ptr %122, align 4
  %123 = fadd reassoc contract <16 x float> %77, %83
  %124 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %123)
  %125 = fadd reassoc contract float %107, %124
  %126 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %127 = getelementptr inbounds nuw float, ptr %126, i64 %35
  store float %125, ptr %127, align 4
  %128 = add i64 %30, 4
  br label %29

129:                                              ; preds = %29
  br label %130

130:                                              ; preds = %133, %129
  %131 = phi i64 [ %157, %133 ], [ %28, %129 ]
  %132 = icmp slt i64 %131, %24
  br i1 %132, label %133, label %158

133:                                              ; preds = %130
  %134 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %135 = mul i64 %131, 33
  %136 = add i64 %135, 0
  %137 = getelementptr float, ptr %134, i64 %136
  %138 = load <16 x float>, ptr %137, align 4
  %139 = fadd reassoc contract <16 x float> %138, zeroinitializer
  %140 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %141 = mul i64 %131, 33
  %142 = add i64 %141, 16
  %143 = getelementptr float, ptr %140, i64 %142
  %144 = load <16 x float>, ptr %143, align 4
  %145 = fadd reassoc contract <16 x float> %144, zeroinitializer
  %146 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %147 = mul nuw nsw i64 %131, 33
  %148 = add nuw nsw i64 %147, 32
  %149 = getelementptr inbounds nuw float, ptr %146, i64 %148
  %150 = load float, ptr %149, align 4
  %151 = fadd reassoc contract float %150, 0.000000e+00
  %152 = fadd reassoc contract <16 x float> %139, %145
  %153 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %152)
  %154 = fadd reassoc contract float %151, %153
  %155 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %156 = getelementptr inbounds nuw float, ptr %155, i64 %131
  store float %154, ptr %156, align 4
  %157 = add i64 %131, 1
  br label %130

158:                                              ; preds = %130
  %159 = add i64 %18, 1
  br label %17

160:                                              ; preds = %17
  ret void
}

define void @s3(ptr %0, ptr %1, ptr %2, i64 %3, i64 %4) {
  %6 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } poison, ptr %2, 0
  %7 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %6, ptr %2, 1
  %8 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %7, i64 0, 2
  %9 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %8, i64 5, 3, 0
  %10 = insertvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %9, i64 1, 4, 0
  %11 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } poison, ptr %1, 0
  %12 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, ptr %1, 1
  %13 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %12, i64 0, 2
  %14 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %13, i64 5, 3, 0
  %15 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %14, i64 33, 4, 0
  %16 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %15, i64 33, 3, 1
  %17 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %16, i64 1, 4, 1
  %18 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } poison, ptr %0, 0
  %19 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %18, ptr %0, 1
  %20 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %19, i64 0, 2
  %21 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %20, i64 5, 3, 0
  %22 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %21, i64 33, 4, 0
  %23 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %22, i64 33, 3, 1
  %24 = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %23, i64 1, 4, 1
  br label %25

25:                                               ; preds = %72, %5
  %26 = phi i64 [ %73, %72 ], [ %3, %5 ]
  %27 = icmp slt i64 %26, %4
  br i1 %27, label %28, label %74

28:                                               ; preds = %25
  %29 = mul i64 %26, 5
  %30 = add i64 %29, 5
  %31 = icmp ult i64 %30, 5
  %32 = select i1 %31, i64 %30, i64 5
  br label %33

33:                                               ; preds = %57, %28
  %34 = phi i64 [ %71, %57 ], [ %29, %28 ]
  %35 = icmp slt i64 %34, %32
  br i1 %35, label %36, label %72

36:                                               ; preds = %33
  br label %37

37:                                               ; preds = %40, %36
  %38 = phi i64 [ %56, %40 ], [ 0, %36 ]
  %39 = icmp slt i64 %38, 32
  br i1 %39, label %40, label %57

40:                                               ; preds = %37
  %41 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %42 = mul i64 %34, 33
  %43 = add i64 %42, %38
  %44 = getelementptr float, ptr %41, i64 %43
  %45 = load <16 x float>, ptr %44, align 4
  %46 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %47 = getelementptr inbounds nuw float, ptr %46, i64 %34
  %48 = load float, ptr %47, align 4
  %49 = insertelement <16 x float> poison, float %48, i32 0
  %50 = shufflevector <16 x float> %49, <16 x float> poison, <16 x i32> zeroinitializer
  %51 = fdiv reassoc contract <16 x float> %45, %50
  %52 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %53 = mul i64 %34, 33
  %54 = add i64 %53, %38
  %55 = getelementptr float, ptr %52, i64 %54
  store <16 x float> %51, ptr %55, align 4
  %56 = add i64 %38, 16
  br label %37

57:                                               ; preds = %37
  %58 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %59 = mul nuw nsw i64 %34, 33
  %60 = add nuw nsw i64 %59, 32
  %61 = getelementptr inbounds nuw float, ptr %58, i64 %60
  %62 = load float, ptr %61, align 4
  %63 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %64 = getelementptr inbounds nuw float, ptr %63, i64 %34
  %65 = load float, ptr %64, align 4
  %66 = fdiv reassoc contract float %62, %65
  %67 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %68 = mul nuw nsw i64 %34, 33
  %69 = add nuw nsw i64 %68, 32
  %70 = getelementptr inbounds nuw float, ptr %67, i64 %69
  store float %66, ptr %70, align 4
  %71 = add i64 %34, 1
  br label %33

72:                                               ; preds = %33
  %73 = add i64 %26, 1
  br label %25

74:                                               ; preds = %25
  ret void
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare float @llvm.vector.reduce.fmaximum.v16f32(<16 x float>) #0

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare float @llvm.fma.f32(float, float, float) #1

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare float @llvm.floor.f32(float) #1

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare <16 x float> @llvm.fma.v16f32(<16 x float>, <16 x float>, <16 x float>) #1

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare <16 x float> @llvm.floor.v16f32(<16 x float>) #1

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare float @llvm.vector.reduce.fadd.v16f32(float, <16 x float>) #0

attributes #0 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #1 = { nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none) }

!llvm.module.flags = !{!0}

!0 = !{i32 2, !"Debug Info Version", i32 3}
