package io.synthgate.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every bean, header and property a shipped route uses is documented in camel-routes/README.md. */
class RouteDocumentationTest {

    private static final Path ROUTES = Path.of("camel-routes");
    private static final List<Pattern> REFERENCES = List.of(
            Pattern.compile("ref:\\s*(\\w+)"),
            Pattern.compile("method:\\s*(\\w+)"),
            Pattern.compile("name:\\s*(SynthGate\\w+)"),
            Pattern.compile("\\{\\{(synthgate[\\w.-]+?)(?::[^}]*)?}}"),
            Pattern.compile("uri:\\s*(direct:[\\w-]+)"));

    @Test
    void routesReferenceOnlyDocumentedBeansHeadersAndProperties() throws Exception {
        String readme = Files.readString(ROUTES.resolve("README.md"));
        List<String> undocumented = new ArrayList<>();
        for (Path route : routeFiles()) {
            String yaml = Files.readString(route);
            for (Pattern pattern : REFERENCES) {
                Matcher matcher = pattern.matcher(yaml);
                while (matcher.find()) {
                    if (!readme.contains("`" + matcher.group(1))) {
                        undocumented.add(route.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertTrue(undocumented.isEmpty(), "undocumented in camel-routes/README.md: " + undocumented);
    }

    @Test
    void everyRouteFileStartsWithItsHeaderComment() throws Exception {
        for (Path route : routeFiles()) {
            String yaml = Files.readString(route);
            assertTrue(yaml.startsWith("#") && yaml.contains("Input:") && yaml.contains("Output:"),
                    route + " must open with a comment naming its input and output");
        }
    }

    private static List<Path> routeFiles() throws Exception {
        try (Stream<Path> files = Files.list(ROUTES)) {
            List<Path> routes = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertTrue(!routes.isEmpty(), "no route in " + ROUTES.toAbsolutePath());
            return routes;
        }
    }
}
