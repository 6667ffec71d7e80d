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

17:                                               ; preds = %178, %4
  %18 = phi i64 [ %179, %178 ], [ %2, %4 ]
  %19 = icmp slt i64 %18, %3
  br i1 %19, label %20, label %180

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
  %30 = phi i64 [ %144, %32 ], [ %21, %20 ]
  %31 = icmp slt i64 %30, %28
  br i1 %31, label %32, label %145

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
  %105 = sub i64 %30, %21
  %106 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %107 = getelementptr inbounds nuw float, ptr %106, i64 %105
  store float %104, ptr %107, align 4
  %108 = fcmp ugt <16 x float> %50, %55
  %109 = select <16 x i1> %108, <16 x float> %50, <16 x float> %55
  %110 = fcmp uno <16 x float> %55, %55
  %111 = select <16 x i1> %110, <16 x float> %55, <16 x float> %109
  %112 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %111)
  %113 = fcmp ugt float %85, %112
  %114 = select i1 %113, float %85, float %112
  %115 = fcmp uno float %112, %112
  %116 = select i1 %115, float %112, float %114
  %117 = sub i64 %33, %21
  %118 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %119 = getelementptr inbounds nuw float, ptr %118, i64 %117
  store float %116, ptr %119, align 4
  %120 = fcmp ugt <16 x float> %60, %65
  %121 = select <16 x i1> %120, <16 x float> %60, <16 x float> %65
  %122 = fcmp uno <16 x float> %65, %65
  %123 = select <16 x i1> %122, <16 x float> %65, <16 x float> %121
  %124 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %123)
  %125 = fcmp ugt float %90, %124
  %126 = select i1 %125, float %90, float %124
  %127 = fcmp uno float %124, %124
  %128 = select i1 %127, float %124, float %126
  %129 = sub i64 %34, %21
  %130 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %131 = getelementptr inbounds nuw float, ptr %130, i64 %129
  store float %128, ptr %131, align 4
  %132 = fcmp ugt <16 x float> %70, %75
  %133 = select <16 x i1> %132, <16 x float> %70, <16 x float> %75
  %134 = fcmp uno <16 x float> %75, %75
  %135 = select <16 x i1> %134, <16 x float> %75, <16 x float> %133
  %136 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %135)
  %137 = fcmp ugt float %95, %136
  %138 = select i1 %137, float %95, float %136
  %139 = fcmp uno float %136, %136
  %140 = select i1 %139, float %136, float %138
  %141 = sub i64 %35, %21
  %142 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %143 = getelementptr inbounds nuw float, ptr %142, i64 %141
  store float %140, ptr %143, align 4
  %144 = add i64 %30, 4
  br label %29

145:                                              ; preds = %29
  br label %146

146:                                              ; preds = %149, %145
  %147 = phi i64 [ %177, %149 ], [ %28, %145 ]
  %148 = icmp slt i64 %147, %24
  br i1 %148, label %149, label %178

149:                                              ; preds = %146
  %150 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %151 = mul i64 %147, 33
  %152 = add i64 %151, 0
  %153 = getelementptr float, ptr %150, i64 %152
  %154 = load <16 x float>, ptr %153, align 4
  %155 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %156 = mul i64 %147, 33
  %157 = add i64 %156, 16
  %158 = getelementptr float, ptr %155, i64 %157
  %159 = load <16 x float>, ptr %158, align 4
  %160 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %161 = mul nuw nsw i64 %147, 33
  %162 = add nuw nsw i64 %161, 32
  %163 = getelementptr inbounds nuw float, ptr %160, i64 %162
  %164 = load float, ptr %163, align 4
  %165 = fcmp ugt <16 x float> %154, %159
  %166 = select <16 x i1> %165, <16 x float> %154, <16 x float> %159
  %167 = fcmp uno <16 x float> %159, %159
  %168 = select <16 x i1> %167, <16 x float> %159, <16 x float> %166
  %169 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %168)
  %170 = fcmp ugt float %164, %169
  %171 = select i1 %170, float %164, float %169
  %172 = fcmp uno float %169, %169
  %173 = select i1 %172, float %169, float %171
  %174 = sub i64 %147, %21
  %175 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %176 = getelementptr inbounds nuw float, ptr %175, i64 %174
  store float %173, ptr %176, align 4
  %177 = add i64 %147, 1
  br label %146

178:                                              ; preds = %146
  %179 = add i64 %18, 1
  br label %17

180:                                              ; preds = %17
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

25:                                               ; preds = %130, %5
  %26 = phi i64 [ %131, %130 ], [ %3, %5 ]
  %27 = icmp slt i64 %26, %4
  br i1 %27, label %28, label %132

28:                                               ; preds = %25
  %29 = mul i64 %26, 5
  %30 = add i64 %29, 5
  %31 = icmp ult i64 %30, 5
  %32 = select i1 %31, i64 %30, i64 5
  br label %33

33:                                               ; preds = %87, %28
  %34 = phi i64 [ %129, %87 ], [ %29, %28 ]
  %35 = icmp slt i64 %34, %32
  br i1 %35, label %36, label %130

36:                                               ; preds = %33
  br label %37

37:                                               ; preds = %40, %36
  %38 = phi i64 [ %86, %40 ], [ 0, %36 ]
  %39 = icmp slt i64 %38, 32
  br i1 %39, label %40, label %87

40:                                               ; preds = %37
  %41 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %42 = mul i64 %34, 33
  %43 = add i64 %42, %38
  %44 = getelementptr float, ptr %41, i64 %43
  %45 = load <16 x float>, ptr %44, align 4
  %46 = sub i64 %34, %29
  %47 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %48 = getelementptr inbounds nuw float, ptr %47, i64 %46
  %49 = load float, ptr %48, align 4
  %50 = insertelement <16 x float> poison, float %49, i32 0
  %51 = shufflevector <16 x float> %50, <16 x float> poison, <16 x i32> zeroinitializer
  %52 = fsub reassoc contract <16 x float> %45, %51
  %53 = fcmp ult <16 x float> %52, splat (float 0x40561814A0000000)
  %54 = select <16 x i1> %53, <16 x float> %52, <16 x float> splat (float 0x40561814A0000000)
  %55 = select <16 x i1> zeroinitializer, <16 x float> splat (float 0x40561814A0000000), <16 x float> %54
  %56 = fcmp ugt <16 x float> %55, splat (float 0xC055D58A00000000)
  %57 = select <16 x i1> %56, <16 x float> %55, <16 x float> splat (float 0xC055D58A00000000)
  %58 = select <16 x i1> zeroinitializer, <16 x float> splat (float 0xC055D58A00000000), <16 x float> %57
  %59 = call <16 x float> @llvm.fma.v16f32(<16 x float> %58, <16 x float> splat (float 0x3FF7154760000000), <16 x float> splat (float 5.000000e-01))
  %60 = call <16 x float> @llvm.floor.v16f32(<16 x float> %59)
  %61 = call <16 x float> @llvm.fma.v16f32(<16 x float> %60, <16 x float> splat (float 0xBFE6300000000000), <16 x float> %58)
  %62 = call <16 x float> @llvm.fma.v16f32(<16 x float> %60, <16 x float> splat (float 0x3F2BD01060000000), <16 x float> %61)
  %63 = call <16 x float> @llvm.fma.v16f32(<16 x float> splat (float 0x3F2A0D2CE0000000), <16 x float> %62, <16 x float> splat (float 0x3F56E879C0000000))
  %64 = call <16 x float> @llvm.fma.v16f32(<16 x float> %63, <16 x float> %62, <16 x float> splat (float 0x3F81112100000000))
  %65 = call <16 x float> @llvm.fma.v16f32(<16 x float> %64, <16 x float> %62, <16 x float> splat (float 0x3FA5553820000000))
  %66 = call <16 x float> @llvm.fma.v16f32(<16 x float> %65, <16 x float> %62, <16 x float> splat (float 0x3FC5555540000000))
  %67 = call <16 x float> @llvm.fma.v16f32(<16 x float> %66, <16 x float> %62, <16 x float> splat (float 5.000000e-01))
  %68 = fmul <16 x float> %62, %62
  %69 = call <16 x float> @llvm.fma.v16f32(<16 x float> %67, <16 x float> %68, <16 x float> %62)
  %70 = fadd <16 x float> %69, splat (float 1.000000e+00)
  %71 = fptosi <16 x float> %60 to <16 x i32>
  %72 = add <16 x i32> %71, splat (i32 127)
  %73 = shl <16 x i32> %72, splat (i32 23)
  %74 = bitcast <16 x i32> %73 to <16 x float>
  %75 = fmul <16 x float> %70, %74
  %76 = fcmp olt <16 x float> %52, splat (float 0xC055D58A00000000)
  %77 = select <16 x i1> %76, <16 x float> zeroinitializer, <16 x float> %75
  %78 = fcmp ogt <16 x float> %52, splat (float 0x40561814A0000000)
  %79 = select <16 x i1> %78, <16 x float> splat (float 0x7FF0000000000000), <16 x float> %77
  %80 = fcmp uno <16 x float> %52, %52
  %81 = select <16 x i1> %80, <16 x float> %52, <16 x float> %79
  %82 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %83 = mul i64 %46, 33
  %84 = add i64 %83, %38
  %85 = getelementptr float, ptr %82, i64 %84
  store <16 x float> %81, ptr %85, align 4
  %86 = add i64 %38, 16
  br label %37

87:                                               ; preds = %37
  %88 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %89 = mul nuw nsw i64 %34, 33
  %90 = add nuw nsw i64 %89, 32
  %91 = getelementptr inbounds nuw float, ptr %88, i64 %90
  %92 = load float, ptr %91, align 4
  %93 = sub i64 %34, %29
  %94 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %95 = getelementptr inbounds nuw float, ptr %94, i64 %93
  %96 = load float, ptr %95, align 4
  %97 = fsub reassoc contract float %92, %96
  %98 = fcmp ult float %97, 0x40561814A0000000
  %99 = select i1 %98, float %97, float 0x40561814A0000000
  %100 = fcmp ugt float %99, 0xC055D58A00000000
  %101 = select i1 %100, float %99, float 0xC055D58A00000000
  %102 = call float @llvm.fma.f32(float %101, float 0x3FF7154760000000, float 5.000000e-01)
  %103 = call float @llvm.floor.f32(float %102)
  %104 = call float @llvm.fma.f32(float %103, float 0xBFE6300000000000, float %101)
  %105 = call float @llvm.fma.f32(float %103, float 0x3F2BD01060000000, float %104)
  %106 = call float @llvm.fma.f32(float 0x3F2A0D2CE0000000, float %105, float 0x3F56E879C0000000)
  %107 = call float @llvm.fma.f32(float %106, float %105, float 0x3F81112100000000)
  %108 = call float @llvm.fma.f32(float %107, float %105, float 0x3FA5553820000000)
  %109 = call float @llvm.fma.f32(float %108, float %105, float 0x3FC5555540000000)
  %110 = call float @llvm.fma.f32(float %109, float %105, float 5.000000e-01)
  %111 = fmul float %105, %105
  %112 = call float @llvm.fma.f32(float %110, float %111, float %105)
  %113 = fadd float %112, 1.000000e+00
  %114 = fptosi float %103 to i32
  %115 = add i32 %114, 127
  %116 = shl i32 %115, 23
  %117 = bitcast i32 %116 to float
  %118 = fmul float %113, %117
  %119 = fcmp olt float %97, 0xC055D58A00000000
  %120 = select i1 %119, float 0.000000e+00, float %118
  %121 = fcmp ogt float %97, 0x40561814A0000000
  %122 = select i1 %121, float 0x7FF0000000000000, float %120
  %123 = fcmp uno float %97, %97
  %124 = select i1 %123, float %97, float %122
  %125 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %126 = mul nuw nsw i64 %93, 33
  %127 = add nuw nsw i64 %126, 32
  %128 = getelementptr inbounds nuw float, ptr %125, i64 %127
  store float %124, ptr %128, align 4
  %129 = add i64 %34, 1
  br label %33

130:                                              ; preds = %33
  %131 = add i64 %26, 1
  br label %25

132:                                              ; preds = %25
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

17:                                               ; preds = %163, %4
  %18 = phi i64 [ %164, %163 ], [ %2, %4 ]
  %19 = icmp slt i64 %18, %3
  br i1 %19, label %20, label %165

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
  %30 = phi i64 [ %132, %32 ], [ %21, %20 ]
  %31 = icmp slt i64 %30, %28
  br i1 %31, label %32, label %133

32:                                               ; preds = %29
  %33 = add i64 %30, 1
  %34 = add i64 %30, 2
  %35 = add i64 %30, 3
  %36 = sub i64 %30, %21
  %37 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %38 = mul i64 %36, 33
  %39 = add i64 %38, 0
  %40 = getelementptr float, ptr %37, i64 %39
  %41 = load <16 x float>, ptr %40, align 4
  %42 = fadd reassoc contract <16 x float> %41, zeroinitializer
  %43 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %44 = mul i64 %36, 33
  %45 = add i64 %44, 16
  %46 = getelementptr float, ptr %43, i64 %45
  %47 = load <16 x float>, ptr %46, align 4
  %48 = fadd reassoc contract <16 x float> %47, zeroinitializer
  %49 = sub i64 %33, %21
  %50 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %51 = mul i64 %49, 33
  %52 = add i64 %51, 0
  %53 = getelementptr float, ptr %50, i64 %52
  %54 = load <16 x float>, ptr %53, align 4
  %55 = fadd reassoc contract <16 x float> %54, zeroinitializer
  %56 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %57 = mul i64 %49, 33
  %58 = add i64 %57, 16
  %59 = getelementptr float, ptr %56, i64 %58
  %60 = load <16 x float>, ptr %59, align 4
  %61 = fadd reassoc contract <16 x float> %60, zeroinitializer
  %62 = sub i64 %34, %21
  %63 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %64 = mul i64 %62, 33
  %65 = add i64 %64, 0
  %66 = getelementptr float, ptr %63, i64 %65
  %67 = load <16 x float>, ptr %66, align 4
  %68 = fadd reassoc contract <16 x float> %67, zeroinitializer
  %69 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %70 = mul i64 %62, 33
  %71 = add i64 %70, 16
  %72 = getelementptr float, ptr %69, i64 %71
  %73 = load <16 x float>, ptr %72, align 4
  %74 = fadd reassoc contract <16 x float> %73, zeroinitializer
  %75 = sub i64 %35, %21
  %76 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %77 = mul i64 %75, 33
  %78 = add i64 %77, 0
  %79 = getelementptr float, ptr %76, i64 %78
  %80 = load <16 x float>, ptr %79, align 4
  %81 = fadd reassoc contract <16 x float> %80, zeroinitializer
  %82 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %83 = mul i64 %75, 33
  %84 = add i64 %83, 16
  %85 = getelementptr float, ptr %82, i64 %84
  %86 = load <16 x float>, ptr %85, align 4
  %87 = fadd reassoc contract <16 x float> %86, zeroinitializer
  %88 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %89 = mul nuw nsw i64 %36, 33
  %90 = add nuw nsw i64 %89, 32
  %91 = getelementptr inbounds nuw float, ptr %88, i64 %90
  %92 = load float, ptr %91, align 4
  %93 = fadd reassoc contract float %92, 0.000000e+00
  %94 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %95 = mul nuw nsw i64 %49, 33
  %96 = add nuw nsw i64 %95, 32
  %97 = getelementptr inbounds nuw float, ptr %94, i64 %96
  %98 = load float, ptr %97, align 4
  %99 = fadd reassoc contract float %98, 0.000000e+00
  %100 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %101 = mul nuw nsw i64 %62, 33
  %102 = add nuw nsw i64 %101, 32
  %103 = getelementptr inbounds nuw float, ptr %100, i64 %102
  %104 = load float, ptr %103, align 4
  %105 = fadd reassoc contract float %104, 0.000000e+00
  %106 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %107 = mul nuw nsw i64 %75, 33
  %108 = add nuw nsw i64 %107, 32
  %109 = getelementptr inbounds nuw float, ptr %106, i64 %108
  %110 = load float, ptr %109, align 4
  %111 = fadd reassoc contract float %110, 0.000000e+00
  %112 = fadd reassoc contract <16 x float> %42, %48
  %113 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %112)
  %114 = fadd reassoc contract float %93, %113
  %115 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %116 = getelementptr inbounds nuw float, ptr %115, i64 %36
  store float %114, ptr %116, align 4
  %117 = fadd reassoc contract <16 x float> %55, %61
  %118 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %117)
  %119 = fadd reassoc contract float %99, %118
  %120 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %121 = getelementptr inbounds nuw float, ptr %120, i64 %49
  store float %119, ptr %121, align 4
  %122 = fadd reassoc contract <16 x float> %68, %74
  %123 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %122)
  %124 = fadd reassoc contract float %105, %123
  %125 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %126 = getelementptr inbounds nuw float, ptr %125, i64 %62
  store float %124, ptr %126, align 4
  %127 = fadd reassoc contract <16 x float> %81, %87
  %128 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %127)
  %129 = fadd reassoc contract float %111, %128
  %130 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %131 = getelementptr inbounds nuw float, ptr %130, i64 %75
  store float %129, ptr %131, align 4
  %132 = add i64 %30, 4
  br label %29

133:                                              ; preds = %29
  br label %134

134:                                              ; preds = %137, %133
  %135 = phi i64 [ %162, %137 ], [ %28, %133 ]
  %136 = icmp slt i64 %135, %24
  br i1 %136, label %137, label %163

137:                                              ; preds = %134
  %138 = sub i64 %135, %21
  %139 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %140 = mul i64 %138, 33
  %141 = add i64 %140, 0
  %142 = getelementptr float, ptr %139, i64 %141
  %143 = load <16 x float>, ptr %142, align 4
  %144 = fadd reassoc contract <16 x float> %143, zeroinitializer
  %145 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %146 = mul i64 %138, 33
  %147 = add i64 %146, 16
  %148 = getelementptr float, ptr %145, i64 %147
  %149 = load <16 x float>, ptr %148, align 4
  %150 = fadd reassoc contract <16 x float> %149, zeroinitializer
  %151 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %152 = mul nuw nsw i64 %138, 33
  %153 = add nuw nsw i64 %152, 32
  %154 = getelementptr inbounds nuw float, ptr %151, i64 %153
  %155 = load float, ptr %154, align 4
  %156 = fadd reassoc contract float %155, 0.000000e+00
  %157 = fadd reassoc contract <16 x float> %144, %150
  %158 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %157)
  %159 = fadd reassoc contract float %156, %158
  %160 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %161 = getelementptr inbounds nuw float, ptr %160, i64 %138
  store float %159, ptr %161, align 4
  %162 = add i64 %135, 1
  br label %134

163:                                              ; preds = %134
  %164 = add i64 %18, 1
  br label %17

165:                                              ; preds = %17
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

25:                                               ; preds = %74, %5
  %26 = phi i64 [ %75, %74 ], [ %3, %5 ]
  %27 = icmp slt i64 %26, %4
  br i1 %27, label %28, label %76

28:                                               ; preds = %25
  %29 = mul i64 %26, 5
  %30 = add i64 %29, 5
  %31 = icmp ult i64 %30, 5
  %32 = select i1 %31, i64 %30, i64 5
  br label %33

33:                                               ; preds = %58, %28
  %34 = phi i64 [ %73, %58 ], [ %29, %28 ]
  %35 = icmp slt i64 %34, %32
  br i1 %35, label %36, label %74

36:                                               ; preds = %33
  br label %37

37:                                               ; preds = %40, %36
  %38 = phi i64 [ %57, %40 ], [ 0, %36 ]
  %39 = icmp slt i64 %38, 32
  br i1 %39, label %40, label %58

40:                                               ; preds = %37
  %41 = sub i64 %34, %29
  %42 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %43 = mul i64 %41, 33
  %44 = add i64 %43, %38
  %45 = getelementptr float, ptr %42, i64 %44
  %46 = load <16 x float>, ptr %45, align 4
  %47 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %48 = getelementptr inbounds nuw float, ptr %47, i64 %41
  %49 = load float, ptr %48, align 4
  %50 = insertelement <16 x float> poison, float %49, i32 0
  %51 = shufflevector <16 x float> %50, <16 x float> poison, <16 x i32> zeroinitializer
  %52 = fdiv reassoc contract <16 x float> %46, %51
  %53 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %54 = mul i64 %34, 33
  %55 = add i64 %54, %38
  %56 = getelementptr float, ptr %53, i64 %55
  store <16 x float> %52, ptr %56, align 4
  %57 = add i64 %38, 16
  br label %37

58:                                               ; preds = %37
  %59 = sub i64 %34, %29
  %60 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %61 = mul nuw nsw i64 %59, 33
  %62 = add nuw nsw i64 %61, 32
  %63 = getelementptr inbounds nuw float, ptr %60, i64 %62
  %64 = load float, ptr %63, align 4
  %65 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %66 = getelementptr inbounds nuw float, ptr %65, i64 %59
  %67 = load float, ptr %66, align 4
  %68 = fdiv reassoc contract float %64, %67
  %69 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %70 = mul nuw nsw i64 %34, 33
  %71 = add nuw nsw i64 %70, 32
  %72 = getelementptr inbounds nuw float, ptr %69, i64 %71
  store float %68, ptr %72, align 4
  %73 = add i64 %34, 1
  br label %33

74:                                               ; preds = %33
  %75 = add i64 %26, 1
  br label %25

76:                                               ; preds = %25
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
