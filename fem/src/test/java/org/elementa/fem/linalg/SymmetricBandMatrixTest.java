package org.elementa.fem.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SymmetricBandMatrixTest {

    /** (kd + 1) * n past Integer.MAX_VALUE used to wrap to a negative array size. */
    @Test
    void storageOverflowIsAnIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SymmetricBandMatrix(1 << 20, 4096));
        assertTrue(e.getMessage().contains("(kd + 1) * n"), e.getMessage());
    }

    @Test
    void badShapeNamesTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SymmetricBandMatrix(0, 0))
                .getMessage().startsWith("n"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SymmetricBandMatrix(3, 3))
                .getMessage().startsWith("kd"));
    }

    @Test
    void setGetAndDenseAgree() {
        SymmetricBandMatrix a = new SymmetricBandMatrix(4, 1);
        a.set(1, 0, 2.0);
        a.add(0, 1, 1.0);
        a.set(3, 3, 5.0);
        assertEquals(3.0, a.get(0, 1));
        assertEquals(0.0, a.get(3, 0));
        double[] d = a.toDense();
        assertEquals(3.0, d[1]);
        assertEquals(3.0, d[4]);
        assertEquals(5.0, d[15]);
    }
}
