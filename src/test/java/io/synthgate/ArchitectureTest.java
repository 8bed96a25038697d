package io.synthgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The package graph: packages depend downward only, in the order of the data flow, and PixelMed stays
 * in the packages that own DICOM I/O. A new package must be placed in {@link #ORDER} before it is
 * used. The README's "Layout" section draws the same layers.
 */
@AnalyzeClasses(packages = "io.synthgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Every package under {@code io.synthgate}, lowest first; each may use only those before it.
     * The root package holds application-wide producers only (the clock).
     */
    static final List<String> ORDER = List.of(
            // Foundation: this replica's name and lease, whether the database answers, DICOM values, the spool, failures and problem details,
            // roles, pixel I/O, the mask language, and the pipeline contract (names, the typed experiment,
            // workers, CPU permits).
            "", "replica", "database", "dicom", "spool", "failure", "http", "access", "pixels", "mask", "pipeline",
            // Records every step writes: jobs with their outputs, and the studies they come from.
            "job", "study",
            // Steps, in the order of the data flow.
            "ingest", "deid", "image", "masking", "expertmask", "generator", "wrap", "review", "export",
            // Features composing the steps: study experiments, cohorts pulled from a PACS, text-to-image runs,
            // reports, reader studies, retention.
            "experiment", "cohort", "txt2img", "report", "readerstudy", "retention",
            // Operating it: gauges, the dashboard and the pages under /admin.
            "admin");

    /** Where PixelMed may be imported: the packages that read or write DICOM objects and speak DICOM. */
    static final Set<String> DICOM_IO = Set.of("dicom", "ingest", "deid", "pixels", "image", "masking", "wrap",
            "export", "cohort", "expertmask");

    @ArchTest
    static void everyPackageHasItsPlaceInTheOrder(JavaClasses classes) {
        Set<String> packages = classes.stream().map(ArchitectureTest::topLevelPackage)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(ORDER), packages, "ArchitectureTest.ORDER must list every package exactly");
    }

    @ArchTest
    static void packagesDependDownwardOnly(JavaClasses classes) {
        for (int i = 0; i < ORDER.size(); i++) {
            String[] above = ORDER.subList(i + 1, ORDER.size()).stream().map(ArchitectureTest::packagePattern)
                    .toArray(String[]::new);
            if (above.length == 0) {
                continue;
            }
            String name = ORDER.get(i);
            noClasses().that().resideInAPackage(name.isEmpty() ? "io.synthgate" : packagePattern(name))
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because("package '" + (name.isEmpty() ? "io.synthgate" : name)
                            + "' sits below them in ArchitectureTest.ORDER")
                    .check(classes);
        }
    }

    @ArchTest
    static void noCycleBetweenPackages(JavaClasses classes) {
        slices().matching("io.synthgate.(*)..").should().beFreeOfCycles().check(classes);
    }

    @ArchTest
    static void pixelmedOnlyInThePackagesThatOwnDicomIo(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackages(DICOM_IO.stream().map(ArchitectureTest::packagePattern)
                        .toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage("com.pixelmed..")
                .because("DICOM stays at the edges; other packages see records")
                .check(classes);
    }

    private static String packagePattern(String name) {
        return "io.synthgate." + name + "..";
    }

    private static String topLevelPackage(JavaClass type) {
        String name = type.getPackageName();
        if (name.equals("io.synthgate")) {
            return "";
        }
        String rest = name.substring("io.synthgate.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
