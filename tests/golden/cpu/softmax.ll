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

17:                                               ; preds = %147, %4
  %18 = phi i64 [ %148, %147 ], [ %2, %4 ]
  %19 = icmp slt i64 %18, %3
  br i1 %19, label %20, label %149

20:                                               ; preds = %17
  %21 = mul i64 %18, 5
  %22 = add i64 %21, 5
  %23 = call i64 @llvm.umin.i64(i64 %22, i64 5)
  %24 = sub i64 %23, %21
  %25 = udiv i64 %24, 4
  %26 = mul i64 %25, 4
  %27 = add i64 %21, %26
  br label %28

28:                                               ; preds = %31, %20
  %29 = phi i64 [ %119, %31 ], [ %21, %20 ]
  %30 = icmp slt i64 %29, %27
  br i1 %30, label %31, label %120

31:                                               ; preds = %28
  %32 = add i64 %29, 1
  %33 = add i64 %29, 2
  %34 = add i64 %29, 3
  %35 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %36 = mul i64 %29, 33
  %37 = add i64 %36, 0
  %38 = getelementptr float, ptr %35, i64 %37
  %39 = load <16 x float>, ptr %38, align 4
  %40 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %41 = mul i64 %29, 33
  %42 = add i64 %41, 16
  %43 = getelementptr float, ptr %40, i64 %42
  %44 = load <16 x float>, ptr %43, align 4
  %45 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %46 = mul i64 %32, 33
  %47 = add i64 %46, 0
  %48 = getelementptr float, ptr %45, i64 %47
  %49 = load <16 x float>, ptr %48, align 4
  %50 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %51 = mul i64 %32, 33
  %52 = add i64 %51, 16
  %53 = getelementptr float, ptr %50, i64 %52
  %54 = load <16 x float>, ptr %53, align 4
  %55 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %56 = mul i64 %33, 33
  %57 = add i64 %56, 0
  %58 = getelementptr float, ptr %55, i64 %57
  %59 = load <16 x float>, ptr %58, align 4
  %60 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %61 = mul i64 %33, 33
  %62 = add i64 %61, 16
  %63 = getelementptr float, ptr %60, i64 %62
  %64 = load <16 x float>, ptr %63, align 4
  %65 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %66 = mul i64 %34, 33
  %67 = add i64 %66, 0
  %68 = getelementptr float, ptr %65, i64 %67
  %69 = load <16 x float>, ptr %68, align 4
  %70 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %71 = mul i64 %34, 33
  %72 = add i64 %71, 16
  %73 = getelementptr float, ptr %70, i64 %72
  %74 = load <16 x float>, ptr %73, align 4
  %75 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %76 = mul nuw nsw i64 %29, 33
  %77 = add nuw nsw i64 %76, 32
  %78 = getelementptr inbounds nuw float, ptr %75, i64 %77
  %79 = load float, ptr %78, align 4
  %80 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %81 = mul nuw nsw i64 %32, 33
  %82 = add nuw nsw i64 %81, 32
  %83 = getelementptr inbounds nuw float, ptr %80, i64 %82
  %84 = load float, ptr %83, align 4
  %85 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %86 = mul nuw nsw i64 %33, 33
  %87 = add nuw nsw i64 %86, 32
  %88 = getelementptr inbounds nuw float, ptr %85, i64 %87
  %89 = load float, ptr %88, align 4
  %90 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %91 = mul nuw nsw i64 %34, 33
  %92 = add nuw nsw i64 %91, 32
  %93 = getelementptr inbounds nuw float, ptr %90, i64 %92
  %94 = load float, ptr %93, align 4
  %95 = call <16 x float> @llvm.maximum.v16f32(<16 x float> %39, <16 x float> %44)
  %96 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %95)
  %97 = call float @llvm.maximum.f32(float %79, float %96)
  %98 = sub i64 %29, %21
  %99 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %100 = getelementptr inbounds nuw float, ptr %99, i64 %98
  store float %97, ptr %100, align 4
  %101 = call <16 x float> @llvm.maximum.v16f32(<16 x float> %49, <16 x float> %54)
  %102 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %101)
  %103 = call float @llvm.maximum.f32(float %84, float %102)
  %104 = sub i64 %32, %21
  %105 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %106 = getelementptr inbounds nuw float, ptr %105, i64 %104
  store float %103, ptr %106, align 4
  %107 = call <16 x float> @llvm.maximum.v16f32(<16 x float> %59, <16 x float> %64)
  %108 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %107)
  %109 = call float @llvm.maximum.f32(float %89, float %108)
  %110 = sub i64 %33, %21
  %111 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %112 = getelementptr inbounds nuw float, ptr %111, i64 %110
  store float %109, ptr %112, align 4
  %113 = call <16 x float> @llvm.maximum.v16f32(<16 x float> %69, <16 x float> %74)
  %114 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %113)
  %115 = call float @llvm.maximum.f32(float %94, float %114)
  %116 = sub i64 %34, %21
  %117 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %118 = getelementptr inbounds nuw float, ptr %117, i64 %116
  store float %115, ptr %118, align 4
  %119 = add i64 %29, 4
  br label %28

120:                                              ; preds = %28
  br label %121

121:                                              ; preds = %124, %120
  %122 = phi i64 [ %146, %124 ], [ %27, %120 ]
  %123 = icmp slt i64 %122, %23
  br i1 %123, label %124, label %147

124:                                              ; preds = %121
  %125 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %126 = mul i64 %122, 33
  %127 = add i64 %126, 0
  %128 = getelementptr float, ptr %125, i64 %127
  %129 = load <16 x float>, ptr %128, align 4
  %130 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %131 = mul i64 %122, 33
  %132 = add i64 %131, 16
  %133 = getelementptr float, ptr %130, i64 %132
  %134 = load <16 x float>, ptr %133, align 4
  %135 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %136 = mul nuw nsw i64 %122, 33
  %137 = add nuw nsw i64 %136, 32
  %138 = getelementptr inbounds nuw float, ptr %135, i64 %137
  %139 = load float, ptr %138, align 4
  %140 = call <16 x float> @llvm.maximum.v16f32(<16 x float> %129, <16 x float> %134)
  %141 = call reassoc float @llvm.vector.reduce.fmaximum.v16f32(<16 x float> %140)
  %142 = call float @llvm.maximum.f32(float %139, float %141)
  %143 = sub i64 %122, %21
  %144 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %145 = getelementptr inbounds nuw float, ptr %144, i64 %143
  store float %142, ptr %145, align 4
  %146 = add i64 %122, 1
  br label %121

147:                                              ; preds = %121
  %148 = add i64 %18, 1
  br label %17

149:                                              ; preds = %17
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

25:                                               ; preds = %119, %5
  %26 = phi i64 [ %120, %119 ], [ %3, %5 ]
  %27 = icmp slt i64 %26, %4
  br i1 %27, label %28, label %121

28:                                               ; preds = %25
  %29 = mul i64 %26, 5
  %30 = add i64 %29, 5
  %31 = call i64 @llvm.umin.i64(i64 %30, i64 5)
  br label %32

32:                                               ; preds = %79, %28
  %33 = phi i64 [ %118, %79 ], [ %29, %28 ]
  %34 = icmp slt i64 %33, %31
  br i1 %34, label %35, label %119

35:                                               ; preds = %32
  br label %36

36:                                               ; preds = %39, %35
  %37 = phi i64 [ %78, %39 ], [ 0, %35 ]
  %38 = icmp slt i64 %37, 32
  br i1 %38, label %39, label %79

39:                                               ; preds = %36
  %40 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %41 = mul i64 %33, 33
  %42 = add i64 %41, %37
  %43 = getelementptr float, ptr %40, i64 %42
  %44 = load <16 x float>, ptr %43, align 4
  %45 = sub i64 %33, %29
  %46 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %47 = getelementptr inbounds nuw float, ptr %46, i64 %45
  %48 = load float, ptr %47, align 4
  %49 = insertelement <16 x float> poison, float %48, i32 0
  %50 = shufflevector <16 x float> %49, <16 x float> poison, <16 x i32> zeroinitializer
  %51 = fsub <16 x float> %44, %50
  %52 = fcmp ogt <16 x float> %51, splat (float 0x40563999A0000000)
  %53 = select <16 x i1> %52, <16 x float> splat (float 0x40563999A0000000), <16 x float> %51
  %54 = fcmp olt <16 x float> %53, splat (float 0xC055D58A00000000)
  %55 = select <16 x i1> %54, <16 x float> splat (float 0xC055D58A00000000), <16 x float> %53
  %56 = call <16 x float> @llvm.fma.v16f32(<16 x float> %55, <16 x float> splat (float 0x3FF7154760000000), <16 x float> splat (float 0x4168000000000000))
  %57 = fsub <16 x float> %56, splat (float 0x4168000000000000)
  %58 = call <16 x float> @llvm.fma.v16f32(<16 x float> %57, <16 x float> splat (float 0xBFE6300000000000), <16 x float> %55)
  %59 = call <16 x float> @llvm.fma.v16f32(<16 x float> %57, <16 x float> splat (float 0x3F2BD01060000000), <16 x float> %58)
  %60 = call <16 x float> @llvm.fma.v16f32(<16 x float> splat (float 0x3F2A0D2CE0000000), <16 x float> %59, <16 x float> splat (float 0x3F56E879C0000000))
  %61 = call <16 x float> @llvm.fma.v16f32(<16 x float> %60, <16 x float> %59, <16 x float> splat (float 0x3F81112100000000))
  %62 = call <16 x float> @llvm.fma.v16f32(<16 x float> %61, <16 x float> %59, <16 x float> splat (float 0x3FA5553820000000))
  %63 = call <16 x float> @llvm.fma.v16f32(<16 x float> %62, <16 x float> %59, <16 x float> splat (float 0x3FC5555540000000))
  %64 = call <16 x float> @llvm.fma.v16f32(<16 x float> %63, <16 x float> %59, <16 x float> splat (float 5.000000e-01))
  %65 = fmul <16 x float> %59, %59
  %66 = call <16 x float> @llvm.fma.v16f32(<16 x float> %64, <16 x float> %65, <16 x float> %59)
  %67 = fadd <16 x float> %66, splat (float 1.000000e+00)
  %68 = bitcast <16 x float> %56 to <16 x i32>
  %69 = add <16 x i32> %68, splat (i32 126)
  %70 = shl <16 x i32> %69, splat (i32 23)
  %71 = bitcast <16 x i32> %70 to <16 x float>
  %72 = fmul <16 x float> %67, %71
  %73 = fmul <16 x float> %72, splat (float 2.000000e+00)
  %74 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %75 = mul i64 %45, 33
  %76 = add i64 %75, %37
  %77 = getelementptr float, ptr %74, i64 %76
  store <16 x float> %73, ptr %77, align 4
  %78 = add i64 %37, 16
  br label %36

79:                                               ; preds = %36
  %80 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %81 = mul i64 %33, 33
  %82 = add i64 %81, 32
  %83 = getelementptr float, ptr %80, i64 %82
  %84 = call <16 x float> @llvm.masked.load.v16f32.p0(ptr align 4 %83, <16 x i1> <i1 true, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false>, <16 x float> zeroinitializer)
  %85 = sub i64 %33, %29
  %86 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %87 = getelementptr inbounds nuw float, ptr %86, i64 %85
  %88 = load float, ptr %87, align 4
  %89 = insertelement <16 x float> poison, float %88, i32 0
  %90 = shufflevector <16 x float> %89, <16 x float> poison, <16 x i32> zeroinitializer
  %91 = fsub <16 x float> %84, %90
  %92 = fcmp ogt <16 x float> %91, splat (float 0x40563999A0000000)
  %93 = select <16 x i1> %92, <16 x float> splat (float 0x40563999A0000000), <16 x float> %91
  %94 = fcmp olt <16 x float> %93, splat (float 0xC055D58A00000000)
  %95 = select <16 x i1> %94, <16 x float> splat (float 0xC055D58A00000000), <16 x float> %93
  %96 = call <16 x float> @llvm.fma.v16f32(<16 x float> %95, <16 x float> splat (float 0x3FF7154760000000), <16 x float> splat (float 0x4168000000000000))
  %97 = fsub <16 x float> %96, splat (float 0x4168000000000000)
  %98 = call <16 x float> @llvm.fma.v16f32(<16 x float> %97, <16 x float> splat (float 0xBFE6300000000000), <16 x float> %95)
  %99 = call <16 x float> @llvm.fma.v16f32(<16 x float> %97, <16 x float> splat (float 0x3F2BD01060000000), <16 x float> %98)
  %100 = call <16 x float> @llvm.fma.v16f32(<16 x float> splat (float 0x3F2A0D2CE0000000), <16 x float> %99, <16 x float> splat (float 0x3F56E879C0000000))
  %101 = call <16 x float> @llvm.fma.v16f32(<16 x float> %100, <16 x float> %99, <16 x float> splat (float 0x3F81112100000000))
  %102 = call <16 x float> @llvm.fma.v16f32(<16 x float> %101, <16 x float> %99, <16 x float> splat (float 0x3FA5553820000000))
  %103 = call <16 x float> @llvm.fma.v16f32(<16 x float> %102, <16 x float> %99, <16 x float> splat (float 0x3FC5555540000000))
  %104 = call <16 x float> @llvm.fma.v16f32(<16 x float> %103, <16 x float> %99, <16 x float> splat (float 5.000000e-01))
  %105 = fmul <16 x float> %99, %99
  %106 = call <16 x float> @llvm.fma.v16f32(<16 x float> %104, <16 x float> %105, <16 x float> %99)
  %107 = fadd <16 x float> %106, splat (float 1.000000e+00)
  %108 = bitcast <16 x float> %96 to <16 x i32>
  %109 = add <16 x i32> %108, splat (i32 126)
  %110 = shl <16 x i32> %109, splat (i32 23)
  %111 = bitcast <16 x i32> %110 to <16 x float>
  %112 = fmul <16 x float> %107, %111
  %113 = fmul <16 x float> %112, splat (float 2.000000e+00)
  %114 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %115 = mul i64 %85, 33
  %116 = add i64 %115, 32
  %117 = getelementptr float, ptr %114, i64 %116
  call void @llvm.masked.store.v16f32.p0(<16 x float> %113, ptr align 4 %117, <16 x i1> <i1 true, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false>)
  %118 = add i64 %33, 1
  br label %32

119:                                              ; preds = %32
  %120 = add i64 %26, 1
  br label %25

121:                                              ; preds = %25
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

17:                                               ; preds = %162, %4
  %18 = phi i64 [ %163, %162 ], [ %2, %4 ]
  %19 = icmp slt i64 %18, %3
  br i1 %19, label %20, label %164

20:                                               ; preds = %17
  %21 = mul i64 %18, 5
  %22 = add i64 %21, 5
  %23 = call i64 @llvm.umin.i64(i64 %22, i64 5)
  %24 = sub i64 %23, %21
  %25 = udiv i64 %24, 4
  %26 = mul i64 %25, 4
  %27 = add i64 %21, %26
  br label %28

28:                                               ; preds = %31, %20
  %29 = phi i64 [ %131, %31 ], [ %21, %20 ]
  %30 = icmp slt i64 %29, %27
  br i1 %30, label %31, label %132

31:                                               ; preds = %28
  %32 = add i64 %29, 1
  %33 = add i64 %29, 2
  %34 = add i64 %29, 3
  %35 = sub i64 %29, %21
  %36 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %37 = mul i64 %35, 33
  %38 = add i64 %37, 0
  %39 = getelementptr float, ptr %36, i64 %38
  %40 = load <16 x float>, ptr %39, align 4
  %41 = fadd reassoc contract <16 x float> %40, zeroinitializer
  %42 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %43 = mul i64 %35, 33
  %44 = add i64 %43, 16
  %45 = getelementptr float, ptr %42, i64 %44
  %46 = load <16 x float>, ptr %45, align 4
  %47 = fadd reassoc contract <16 x float> %46, zeroinitializer
  %48 = sub i64 %32, %21
  %49 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %50 = mul i64 %48, 33
  %51 = add i64 %50, 0
  %52 = getelementptr float, ptr %49, i64 %51
  %53 = load <16 x float>, ptr %52, align 4
  %54 = fadd reassoc contract <16 x float> %53, zeroinitializer
  %55 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %56 = mul i64 %48, 33
  %57 = add i64 %56, 16
  %58 = getelementptr float, ptr %55, i64 %57
  %59 = load <16 x float>, ptr %58, align 4
  %60 = fadd reassoc contract <16 x float> %59, zeroinitializer
  %61 = sub i64 %33, %21
  %62 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %63 = mul i64 %61, 33
  %64 = add i64 %63, 0
  %65 = getelementptr float, ptr %62, i64 %64
  %66 = load <16 x float>, ptr %65, align 4
  %67 = fadd reassoc contract <16 x float> %66, zeroinitializer
  %68 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %69 = mul i64 %61, 33
  %70 = add i64 %69, 16
  %71 = getelementptr float, ptr %68, i64 %70
  %72 = load <16 x float>, ptr %71, align 4
  %73 = fadd reassoc contract <16 x float> %72, zeroinitializer
  %74 = sub i64 %34, %21
  %75 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %76 = mul i64 %74, 33
  %77 = add i64 %76, 0
  %78 = getelementptr float, ptr %75, i64 %77
  %79 = load <16 x float>, ptr %78, align 4
  %80 = fadd reassoc contract <16 x float> %79, zeroinitializer
  %81 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %82 = mul i64 %74, 33
  %83 = add i64 %82, 16
  %84 = getelementptr float, ptr %81, i64 %83
  %85 = load <16 x float>, ptr %84, align 4
  %86 = fadd reassoc contract <16 x float> %85, zeroinitializer
  %87 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %88 = mul nuw nsw i64 %35, 33
  %89 = add nuw nsw i64 %88, 32
  %90 = getelementptr inbounds nuw float, ptr %87, i64 %89
  %91 = load float, ptr %90, align 4
  %92 = fadd reassoc contract float %91, 0.000000e+00
  %93 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %94 = mul nuw nsw i64 %48, 33
  %95 = add nuw nsw i64 %94, 32
  %96 = getelementptr inbounds nuw float, ptr %93, i64 %95
  %97 = load float, ptr %96, align 4
  %98 = fadd reassoc contract float %97, 0.000000e+00
  %99 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %100 = mul nuw nsw i64 %61, 33
  %101 = add nuw nsw i64 %100, 32
  %102 = getelementptr inbounds nuw float, ptr %99, i64 %101
  %103 = load float, ptr %102, align 4
  %104 = fadd reassoc contract float %103, 0.000000e+00
  %105 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %106 = mul nuw nsw i64 %74, 33
  %107 = add nuw nsw i64 %106, 32
  %108 = getelementptr inbounds nuw float, ptr %105, i64 %107
  %109 = load float, ptr %108, align 4
  %110 = fadd reassoc contract float %109, 0.000000e+00
  %111 = fadd reassoc contract <16 x float> %41, %47
  %112 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %111)
  %113 = fadd reassoc contract float %92, %112
  %114 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %115 = getelementptr inbounds nuw float, ptr %114, i64 %35
  store float %113, ptr %115, align 4
  %116 = fadd reassoc contract <16 x float> %54, %60
  %117 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %116)
  %118 = fadd reassoc contract float %98, %117
  %119 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %120 = getelementptr inbounds nuw float, ptr %119, i64 %48
  store float %118, ptr %120, align 4
  %121 = fadd reassoc contract <16 x float> %67, %73
  %122 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %121)
  %123 = fadd reassoc contract float %104, %122
  %124 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %125 = getelementptr inbounds nuw float, ptr %124, i64 %61
  store float %123, ptr %125, align 4
  %126 = fadd reassoc contract <16 x float> %80, %86
  %127 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %126)
  %128 = fadd reassoc contract float %110, %127
  %129 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %130 = getelementptr inbounds nuw float, ptr %129, i64 %74
  store float %128, ptr %130, align 4
  %131 = add i64 %29, 4
  br label %28

132:                                              ; preds = %28
  br label %133

133:                                              ; preds = %136, %132
  %134 = phi i64 [ %161, %136 ], [ %27, %132 ]
  %135 = icmp slt i64 %134, %23
  br i1 %135, label %136, label %162

136:                                              ; preds = %133
  %137 = sub i64 %134, %21
  %138 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %139 = mul i64 %137, 33
  %140 = add i64 %139, 0
  %141 = getelementptr float, ptr %138, i64 %140
  %142 = load <16 x float>, ptr %141, align 4
  %143 = fadd reassoc contract <16 x float> %142, zeroinitializer
  %144 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %145 = mul i64 %137, 33
  %146 = add i64 %145, 16
  %147 = getelementptr float, ptr %144, i64 %146
  %148 = load <16 x float>, ptr %147, align 4
  %149 = fadd reassoc contract <16 x float> %148, zeroinitializer
  %150 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %11, 1
  %151 = mul nuw nsw i64 %137, 33
  %152 = add nuw nsw i64 %151, 32
  %153 = getelementptr inbounds nuw float, ptr %150, i64 %152
  %154 = load float, ptr %153, align 4
  %155 = fadd reassoc contract float %154, 0.000000e+00
  %156 = fadd reassoc contract <16 x float> %143, %149
  %157 = call reassoc float @llvm.vector.reduce.fadd.v16f32(float 0.000000e+00, <16 x float> %156)
  %158 = fadd reassoc contract float %155, %157
  %159 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %16, 1
  %160 = getelementptr inbounds nuw float, ptr %159, i64 %137
  store float %158, ptr %160, align 4
  %161 = add i64 %134, 1
  br label %133

162:                                              ; preds = %133
  %163 = add i64 %18, 1
  br label %17

164:                                              ; preds = %17
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

25:                                               ; preds = %75, %5
  %26 = phi i64 [ %76, %75 ], [ %3, %5 ]
  %27 = icmp slt i64 %26, %4
  br i1 %27, label %28, label %77

28:                                               ; preds = %25
  %29 = mul i64 %26, 5
  %30 = add i64 %29, 5
  %31 = call i64 @llvm.umin.i64(i64 %30, i64 5)
  br label %32

32:                                               ; preds = %57, %28
  %33 = phi i64 [ %74, %57 ], [ %29, %28 ]
  %34 = icmp slt i64 %33, %31
  br i1 %34, label %35, label %75

35:                                               ; preds = %32
  br label %36

36:                                               ; preds = %39, %35
  %37 = phi i64 [ %56, %39 ], [ 0, %35 ]
  %38 = icmp slt i64 %37, 32
  br i1 %38, label %39, label %57

39:                                               ; preds = %36
  %40 = sub i64 %33, %29
  %41 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %42 = mul i64 %40, 33
  %43 = add i64 %42, %37
  %44 = getelementptr float, ptr %41, i64 %43
  %45 = load <16 x float>, ptr %44, align 4
  %46 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %47 = getelementptr inbounds nuw float, ptr %46, i64 %40
  %48 = load float, ptr %47, align 4
  %49 = insertelement <16 x float> poison, float %48, i32 0
  %50 = shufflevector <16 x float> %49, <16 x float> poison, <16 x i32> zeroinitializer
  %51 = fdiv <16 x float> %45, %50
  %52 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %53 = mul i64 %33, 33
  %54 = add i64 %53, %37
  %55 = getelementptr float, ptr %52, i64 %54
  store <16 x float> %51, ptr %55, align 4
  %56 = add i64 %37, 16
  br label %36

57:                                               ; preds = %36
  %58 = sub i64 %33, %29
  %59 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %17, 1
  %60 = mul i64 %58, 33
  %61 = add i64 %60, 32
  %62 = getelementptr float, ptr %59, i64 %61
  %63 = call <16 x float> @llvm.masked.load.v16f32.p0(ptr align 4 %62, <16 x i1> <i1 true, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false>, <16 x float> zeroinitializer)
  %64 = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %10, 1
  %65 = getelementptr inbounds nuw float, ptr %64, i64 %58
  %66 = load float, ptr %65, align 4
  %67 = insertelement <16 x float> poison, float %66, i32 0
  %68 = shufflevector <16 x float> %67, <16 x float> poison, <16 x i32> zeroinitializer
  %69 = fdiv <16 x float> %63, %68
  %70 = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %24, 1
  %71 = mul i64 %33, 33
  %72 = add i64 %71, 32
  %73 = getelementptr float, ptr %70, i64 %72
  call void @llvm.masked.store.v16f32.p0(<16 x float> %69, ptr align 4 %73, <16 x i1> <i1 true, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false, i1 false>)
  %74 = add i64 %33, 1
  br label %32

75:                                               ; preds = %32
  %76 = add i64 %26, 1
  br label %25

77:                                               ; preds = %25
  ret void
}

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare i64 @llvm.umin.i64(i64, i64) #0

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare <16 x float> @llvm.maximum.v16f32(<16 x float>, <16 x float>) #0

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare float @llvm.vector.reduce.fmaximum.v16f32(<16 x float>) #1

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare float @llvm.maximum.f32(float, float) #0

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(argmem: read)
declare <16 x float> @llvm.masked.load.v16f32.p0(ptr captures(none), <16 x i1>, <16 x float>) #2

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare <16 x float> @llvm.fma.v16f32(<16 x float>, <16 x float>, <16 x float>) #0

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(argmem: write)
declare void @llvm.masked.store.v16f32.p0(<16 x float>, ptr captures(none), <16 x i1>) #3

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare float @llvm.vector.reduce.fadd.v16f32(float, <16 x float>) #1

attributes #0 = { nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none) }
attributes #1 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #2 = { nocallback nofree nosync nounwind willreturn memory(argmem: read) }
attributes #3 = { nocallback nofree nosync nounwind willreturn memory(argmem: write) }

!llvm.module.flags = !{!0}

!0 = !{i32 2, !"Debug Info Version", i32 3}
