package io.synthgate.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every bean, header and property a shipped route uses, and every parameter of every route template, is
 * documented in camel-routes/README.md; template parameters the way kamelets document theirs.
 */
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
    void everyTemplateParameterHasATitleDescriptionTypeDefaultAndExample() throws Exception {
        String readme = Files.readString(ROUTES.resolve("README.md"));
        List<String> undocumented = new ArrayList<>();
        int parameters = 0;
        for (Path route : routeFiles()) {
            for (Object item : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(route))) {
                for (Object node : item instanceof List<?> list ? list : List.of()) {
                    if (node instanceof Map<?, ?> map && map.get("routeTemplate") instanceof Map<?, ?> template) {
                        String section = section(readme, "## Route template `" + template.get("id") + "`");
                        for (Object parameter : (List<?>) template.get("parameters")) {
                            parameters++;
                            String name = String.valueOf(((Map<?, ?>) parameter).get("name"));
                            if (!documented(section, name)) {
                                undocumented.add(route.getFileName() + ": " + template.get("id") + "." + name);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(parameters > 0, "the shipped routes have a route template");
        assertTrue(undocumented.isEmpty(), "template parameters without a full row (title, description, type, default,"
                + " example) under their template's section in camel-routes/README.md: " + undocumented);
    }

    /** The README's text from {@code heading} to the next section; empty when there is no such heading. */
    private static String section(String readme, String heading) {
        int start = readme.indexOf(heading);
        if (start < 0) {
            return "";
        }
        int end = readme.indexOf("\n## ", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** Whether a table row starts with the parameter and fills all six columns. */
    private static boolean documented(String section, String parameter) {
        for (String line : section.split("\n")) {
            if (line.startsWith("| `" + parameter + "` |")) {
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                return cells.length == 6 && Stream.of(cells).noneMatch(cell -> cell.isBlank());
            }
        }
        return false;
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
