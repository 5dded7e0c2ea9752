package org.lstmlab.notebook;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class LabTest {

    @AfterEach
    void realEnvironment() {
        Lab.environment = System::getenv;
    }

    @Test
    void environmentVariablesOverrideNotebookParameters() {
        Lab.environment = Map.of(Lab.QUICK, "yes", Lab.EPOCHS, " 3 ", Lab.DATA, "/data/us8k", "EMPTY", " ",
                "LSTMLAB_REPORTS", "build/r")::get;
        assertTrue(Lab.param(Lab.QUICK, false));
        assertEquals(3, Lab.param(Lab.EPOCHS, 100));
        assertEquals("/data/us8k", Lab.param(Lab.DATA, ""));
        assertEquals("kept", Lab.param("EMPTY", "kept"));
        assertEquals("build/r", Lab.param(Lab.REPORTS, "reports"));
        assertEquals(7, Lab.param("UNSET", 7));
        assertFalse(Lab.param("UNSET", false));
    }

    @Test
    void badValuesNameTheVariableAndTheRule() {
        Lab.environment = Map.of(Lab.QUICK, "maybe", Lab.EPOCHS, "ten")::get;
        var quick = assertThrows(IllegalArgumentException.class, () -> Lab.param(Lab.QUICK, false));
        assertTrue(quick.getMessage().startsWith("LSTMLAB_QUICK=maybe"), quick.getMessage());
        var epochs = assertThrows(IllegalArgumentException.class, () -> Lab.param(Lab.EPOCHS, 1));
        assertEquals("LSTMLAB_EPOCHS=ten: expected a whole number", epochs.getMessage());
    }
}
