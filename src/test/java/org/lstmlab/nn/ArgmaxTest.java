package org.lstmlab.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArgmaxTest {

    /** numpy: np.argmax([0, 3, 3, 1]) == 1, np.argmax([2, 2]) == 0, np.argmax([-5, -4, -3, -1]) == 3. */
    @Test
    void takesTheFirstMaximumLikeNumpy() {
        assertEquals(1, Argmax.of(new float[] {0, 3, 3, 1}));
        assertEquals(0, Argmax.of(new float[] {2, 2}));
        assertEquals(3, Argmax.of(new float[] {-5, -4, -3, -1}));
        assertEquals(1, Argmax.of(new double[] {0, 3, 3, 1}));
        assertEquals(0, Argmax.of(new double[] {-0.0, 0.0}));
        assertEquals(2, Argmax.of(new double[] {1e-300, 1e-301, 2e-300}));
    }
}
