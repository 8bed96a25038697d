package io.synthgate.spool;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded H2 database holds the re-identification table (patient names and IDs beside their
 * pseudonyms): at start-up its folder is made owner-only (700, its files 600), as H2 creates them
 * readable by every local user. A server database (PostgreSQL) guards its own files.
 */
@ApplicationScoped
public class EmbeddedDatabaseFiles {

    private static final String H2_FILE = "jdbc:h2:file:";

    private final String url;

    /** {@code database} is unused here, but injecting it keeps the required password checked at start-up. */
    public EmbeddedDatabaseFiles(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            DatabaseConfig database) {
        this.url = url;
    }

    void restrict(@Observes StartupEvent event) {
        Path folder = folder(url);
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try {
            OwnerOnlyFiles.restrict(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the database folder " + folder + " owner-only", e);
        }
    }

    /** The folder of an H2 file database's URL ({@code jdbc:h2:file:./data/db/synthgate;...}); null for any other. */
    static Path folder(String url) {
        if (url == null || !url.startsWith(H2_FILE)) {
            return null;
        }
        String path = url.substring(H2_FILE.length());
        int options = path.indexOf(';');
        Path database = Path.of(options < 0 ? path : path.substring(0, options)).toAbsolutePath().normalize();
        return database.getParent();
    }
}
