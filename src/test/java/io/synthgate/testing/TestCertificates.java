package io.synthgate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away certificate authority with a server certificate for 127.0.0.1 and client certificates,
 * one of them already expired, made with OpenSSL and keytool as the README tells an admin to.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private final Path folder;

    private TestCertificates(Path folder) {
        this.folder = folder;
    }

    /** Makes the authority and every certificate in {@code folder}. */
    public static TestCertificates make(Path folder) throws IOException {
        Files.createDirectories(folder);
        TestCertificates certificates = new TestCertificates(folder);
        certificates.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out",
                "ca.pem", "-days", "2", "-subj", "/CN=SynthGate Test CA");
        Files.writeString(folder.resolve("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        certificates.sign("server", "localhost", "2", List.of("-extfile", "server.ext"));
        certificates.keyStore("server", "synthgate");
        certificates.run("keytool", "-importcert", "-noprompt", "-storetype", "PKCS12", "-keystore", "trust.p12",
                "-storepass", PASSWORD, "-alias", "ca", "-file", "ca.pem");
        certificates.sign("client", "MODALITY", "2", List.of());
        certificates.keyStore("client", "synthgate-client");
        certificates.sign("expired", "OLD MODALITY", "0", List.of());
        certificates.keyStore("expired", "expired");
        return certificates;
    }

    /** {@code name}.p12: the key and certificate {@link #sign} made, with the authority, under {@code alias}. */
    private void keyStore(String name, String alias) {
        run("openssl", "pkcs12", "-export", "-inkey", name + ".key", "-in", name + ".pem", "-certfile", "ca.pem",
                "-name", alias, "-out", name + ".p12", "-passout", "pass:" + PASSWORD);
    }

    /** SynthGate's key store: its key and certificate chain (PKCS12). */
    public Path serverKeyStore() {
        return folder.resolve("server.p12");
    }

    /** The client's key and certificate chain (PKCS12), for SynthGate calling a peer that requires one. */
    public Path clientKeyStore() {
        return folder.resolve("client.p12");
    }

    /** The expired client certificate with its key and chain (PKCS12), as a store left unrenewed. */
    public Path expiredKeyStore() {
        return folder.resolve("expired.p12");
    }

    /** The authority callers' certificates must chain to (PKCS12). */
    public Path trustStore() {
        return folder.resolve("trust.p12");
    }

    /** The authority's certificate (PEM), for peers that check SynthGate's certificate. */
    public Path authority() {
        return folder.resolve("ca.pem");
    }

    /** A client's private key (PEM): {@code client} or {@code expired}. */
    public Path key(String client) {
        return folder.resolve(client + ".key");
    }

    /** A client's certificate (PEM): {@code client}, or {@code expired}, whose validity ended as it was made. */
    public Path certificate(String client) {
        return folder.resolve(client + ".pem");
    }

    private void sign(String name, String commonName, String days, List<String> extra) {
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj",
                "/CN=" + commonName);
        List<String> command = new ArrayList<>(List.of("openssl", "x509", "-req", "-in", name + ".csr", "-CA",
                "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", name + ".pem", "-days", days));
        command.addAll(extra);
        run(command.toArray(String[]::new));
    }

    private void run(String... command) {
        ProcessRun done = ProcessRun.runIn(folder, List.of(command));
        if (done.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + done.output());
        }
    }
}
