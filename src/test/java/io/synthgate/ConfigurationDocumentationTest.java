package io.synthgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every SynthGate key is documented where an admin looks in the Dev UI: each {@code @ConfigMapping}
 * is a run-time {@code @ConfigRoot} (which makes Quarkus list it with its documentation), and the
 * extension processor wrote the Javadoc of every one of its settings, nested groups included, to
 * {@code META-INF/quarkus-javadoc.properties}.
 */
class ConfigurationDocumentationTest {

    @Test
    void everySettingOfEveryMappingHasItsJavadocForTheDevUi() throws Exception {
        Properties javadoc = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/quarkus-javadoc.properties")) {
            assertTrue(in != null, "the extension processor wrote META-INF/quarkus-javadoc.properties");
            javadoc.load(in);
        }
        List<String> undocumented = new ArrayList<>();
        int mappings = 0;
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.synthgate")) {
            if (!type.isAnnotatedWith(ConfigMapping.class)) {
                continue;
            }
            mappings++;
            Class<?> mapping = type.reflect();
            ConfigRoot root = mapping.getAnnotation(ConfigRoot.class);
            assertTrue(root != null && root.phase() == ConfigPhase.RUN_TIME, mapping.getName()
                    + " is a @ConfigRoot(phase = RUN_TIME), or the Dev UI shows its keys without their documentation");
            collect(mapping, javadoc, undocumented);
        }
        assertTrue(mappings >= 13, "the mappings were found: " + mappings);
        assertEquals(List.of(), undocumented, "settings without Javadoc");
    }

    /** Adds each setting of {@code group} (and of the groups it holds) that has no Javadoc. */
    private static void collect(Class<?> group, Properties javadoc, List<String> undocumented) {
        for (Method method : group.getDeclaredMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.isSynthetic()) {
                continue;
            }
            String key = group.getName().replace('$', '.') + "." + method.getName();
            if (javadoc.getProperty(key, "").isBlank()) {
                undocumented.add(key);
            }
        }
        for (Class<?> nested : group.getDeclaredClasses()) {
            if (nested.isInterface()) {
                collect(nested, javadoc, undocumented);
            }
        }
    }
}
