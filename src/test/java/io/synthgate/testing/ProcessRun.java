package io.synthgate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external program (DCMTK tools) to completion and keeps what it printed. */
public record ProcessRun(int exitCode, String output) {

    /** DCMTK leaves Nagle's algorithm on unless told otherwise; every peer in tests gets this. */
    public static final Map<String, String> NO_DELAY = Map.of("TCP_NODELAY", "1");

    public static ProcessRun run(List<String> command) {
        return runIn(Path.of("."), command);
    }

    /** Runs {@code command} with {@code folder} as its working directory. */
    public static ProcessRun runIn(Path folder, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
            builder.environment().putAll(NO_DELAY);
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command);
            }
            return new ProcessRun(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + " (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code storescu} to {@code aet@localhost:port} calling as {@code callingAe}, with extra options. */
    public static ProcessRun storescu(int port, String calledAe, String callingAe, List<String> options, List<Path> files) {
        List<String> command = new java.util.ArrayList<>(List.of("storescu", "-aec", calledAe, "-aet", callingAe));
        command.addAll(options);
        command.add("127.0.0.1");
        command.add(Integer.toString(port));
        files.forEach(f -> command.add(f.toString()));
        return run(command);
    }
}
