package org.elementa.fem.backend;

import org.elementa.fem.kernel.KernelProvider;

/** {@link DenseBackendContract} for the CPU backend on the scalar kernels. */
class CpuDenseBackendScalarTest extends DenseBackendContract {
    @Override
    DenseBackend backend() {
        return new CpuDenseBackend(KernelProvider.scalar());
    }
}
