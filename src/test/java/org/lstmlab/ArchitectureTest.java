package org.lstmlab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages follow the data path and depend one way only (docs/architecture.md draws it). Each layer lists the
 * layers it may use; anything else, or any cycle, fails here.
 */
class ArchitectureTest {
    private static final String ROOT = "org.lstmlab";

    /** Layer -> the layers it may depend on (directly). Order is the data path. */
    static final Map<String, Set<String>> ALLOWED = new java.util.LinkedHashMap<>();
    static {
        ALLOWED.put("recipe", Set.of());
        ALLOWED.put("audio", Set.of());
        ALLOWED.put("features", Set.of("audio"));
        ALLOWED.put("data", Set.of("audio", "features", "recipe"));
        ALLOWED.put("synth", Set.of("audio", "data"));
        ALLOWED.put("nn", Set.of("data", "recipe"));
        ALLOWED.put("train", Set.of("features", "data", "nn", "recipe"));
        ALLOWED.put("onnx", Set.of("features", "data", "nn", "train", "recipe"));
        ALLOWED.put("eval", Set.of("features", "data", "nn", "train"));
        ALLOWED.put("teach", Set.of("data", "nn"));
        ALLOWED.put("plot", Set.of());
        ALLOWED.put("experiment", Set.of("audio", "features", "data", "synth", "nn", "train", "eval", "plot", "recipe"));
        ALLOWED.put("report", Set.of("nn", "train", "eval", "experiment", "plot", "recipe"));
        ALLOWED.put("notebook", Set.of("audio", "features", "data", "synth", "nn", "train", "onnx", "eval", "teach", "experiment", "report", "plot", "recipe"));
        ALLOWED.put("cli", Set.of("audio", "features", "data", "synth", "nn", "train", "onnx", "eval", "teach", "experiment", "report", "plot", "recipe"));
    }

    static String packageOf(String layer) {
        return layer.equals("synth") ? ROOT + ".data.synth.." : layer.equals("data") ? ROOT + ".data" : ROOT + "." + layer + "..";
    }

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void layersDependOnlyOnTheLayersBeforeThem() {
        var rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : ALLOWED.keySet()) rule = rule.layer(layer).definedBy(packageOf(layer));
        for (var e : ALLOWED.entrySet()) {
            List<String> users = ALLOWED.entrySet().stream().filter(u -> u.getValue().contains(e.getKey())).map(Map.Entry::getKey).toList();
            rule = users.isEmpty() ? rule.whereLayer(e.getKey()).mayNotBeAccessedByAnyLayer()
                    : rule.whereLayer(e.getKey()).mayOnlyBeAccessedByLayers(users.toArray(String[]::new));
        }
        rule.check(MAIN);
    }

    @Test
    void everyPackageIsALayer() {
        var layers = ALLOWED.keySet().stream().map(l -> packageOf(l).replace("..", "")).toList();
        for (var c : MAIN) {
            String p = c.getPackageName();
            assertTrue(layers.stream().anyMatch(l -> p.equals(l) || p.startsWith(l + ".")) || p.equals(ROOT),
                    p + " is in no layer: add it to ALLOWED and docs/architecture.md");
        }
    }

    @Test
    void noPackageCycles() {
        SlicesRuleDefinition.slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }
}
