package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.Browser;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.FreePorts;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.MetricSamples;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestCertificates;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * DICOM over TLS with DCMTK's echoscu and storescu as callers (their default BCP 195 profile): with
 * client certificates required, a caller with a certificate from the trusted authority is served on
 * the TLS port, one without a certificate or with an expired one is refused in the handshake, and so is
 * a TLS 1.0 or 1.1 client; without the requirement, a caller that only checks SynthGate's certificate
 * is served. The plain listener serves on beside it. And synthetic objects reach an Orthanc that speaks
 * DICOM over TLS only and requires SynthGate's client certificate.
 */
class DicomTlsIT {

    @TempDir
    static Path folder;

    private static TestCertificates certificates;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.make(folder.resolve("pki"));
        // The expired certificate's validity ends the second it is made.
        Thread.sleep(1100);
    }

    @Test
    void withClientCertificatesRequiredOnlyATrustedValidCertificateOverTls12OrLaterGetsIn() throws Exception {
        int tlsPort = FreePorts.next();
        Path ct = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), "2.25.7700", "2.25.7700.1",
                folder.resolve("ct.dcm"));
        try (GatewayProcess gateway = gateway(tlsPort, "required").start()) {
            assertEquals(0, echo(tlsPort, "client").exitCode(), "a trusted, valid client certificate");
            ProcessRun stored = dcmtk("storescu", tlsPort, "client", List.of(ct.toString()));
            assertEquals(0, stored.exitCode(), stored.output());
            assertEquals(1, gateway.getJson("/api/studies/2.25.7700").path("study").path("instanceCount").asInt());

            assertNotEquals(0, echo(tlsPort, null).exitCode(), "no client certificate");
            assertNotEquals(0, echo(tlsPort, "expired").exitCode(), "an expired client certificate");
            for (String old : List.of("-tls1", "-tls1_1")) {
                ProcessRun handshake = ProcessRun.run(List.of("sh", "-c", "openssl s_client -connect 127.0.0.1:" + tlsPort
                        + " " + old + " -cipher DEFAULT@SECLEVEL=0 -cert " + certificates.certificate("client")
                        + " -key " + certificates.key("client") + " </dev/null"));
                assertTrue(handshake.output().contains("alert protocol version"),
                        "SynthGate itself refuses " + old + ": " + handshake.output());
            }
            ProcessRun plain = ProcessRun.run(List.of("echoscu", "-aec", GatewayProcess.AE_TITLE, "127.0.0.1",
                    Integer.toString(gateway.dicomPort())));
            assertEquals(0, plain.exitCode(), "the plain listener serves on: " + plain.output());

            String log = gateway.log();
            assertTrue(log.contains("listening for TLS (TLSv1.3, TLSv1.2)"), log);
            assertTrue(log.contains("Refused TLS connection from 127.0.0.1: the handshake failed"), log);
            assertFalse(log.contains(TestCertificates.PASSWORD), "the key store password is never logged");
            // the test authority and certificates are made for two days, within the 30-day warning
            assertTrue(log.contains("A certificate in synthgate.dicom.tls.key-store (" + certificates.serverKeyStore()
                    + ") expires on "), log);
            String metrics = gateway.get("/q/metrics").body();
            assertExpiresWithinTwoDays(metrics, "synthgate.dicom.tls.key-store");
            double refused = metrics.lines()
                    .filter(line -> line.startsWith("synthgate_dicom_associations_total{outcome=\"rejected\",reason=\"tls\"}"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
            assertTrue(refused >= 4, "each refused handshake is counted: " + refused);
        }
    }

    @Test
    void withoutClientCertificatesACallerThatChecksOurCertificateIsServed() throws Exception {
        int tlsPort = FreePorts.next();
        try (GatewayProcess gateway = gateway(tlsPort, "none").start()) {
            ProcessRun echo = echo(tlsPort, null);
            assertEquals(0, echo.exitCode(), echo.output());
        }
    }

    @Test
    void syntheticObjectsReachAResearchPacsThatSpeaksDicomOverTlsOnly() throws Exception {
        Path ct = TestFiles.pydicom("CT_small.dcm");
        try (OrthancProcess orthanc = OrthancProcess.startWithTls(folder.resolve("pacs"), certificates);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway-export"), orthanc, Map.of(
                                "synthgate.destinations.research.tls", "true",
                                "synthgate.destinations.research.confirm-stored", "true",
                                "synthgate.export.tls.trust-store", certificates.trustStore().toString(),
                                "synthgate.export.tls.key-store", certificates.clientKeyStore().toString()))
                        .withEnvironment("SYNTHGATE_EXPORT_TLS_TRUST_STORE_PASSWORD", TestCertificates.PASSWORD)
                        .withEnvironment("SYNTHGATE_EXPORT_TLS_KEY_STORE_PASSWORD", TestCertificates.PASSWORD).start()) {
            ProcessRun plainEcho = ProcessRun.run(List.of("echoscu", "-aec", OrthancProcess.AE_TITLE, "127.0.0.1",
                    Integer.toString(orthanc.dicomPort())));
            assertNotEquals(0, plainEcho.exitCode(), "this Orthanc speaks TLS only");
            assertEquals(200, gateway.get("/q/health/ready").statusCode(), "C-ECHO over TLS answers");

            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(ct));
            assertEquals(0, sent.exitCode(), sent.output());
            Map<String, String> outputs = StudyProgress.awaitExported(gateway, DicomCopies.studyInstanceUid(ct), 1,
                    Duration.ofSeconds(90));
            for (String synthetic : outputs.values()) {
                assertTrue(orthanc.findInstance(synthetic).isPresent(), "Orthanc lacks " + synthetic);
            }
            String metrics = gateway.get("/q/metrics").body();
            assertEquals(outputs.size(), MetricSamples.value(metrics,
                    "synthgate_export_objects_total{destination=\"research\",outcome=\"stored\"}").orElse(0),
                    "each output stored and found by the C-FIND over TLS: " + metrics);
            assertExpiresWithinTwoDays(metrics, "synthgate.export.tls.key-store");
            assertExpiresWithinTwoDays(metrics, "synthgate.export.tls.trust-store");
            try (Browser browser = Browser.open(gateway.url(""))) {
                browser.signIn(TestUser.ADMIN);
                browser.awaitUrlContaining("/admin/dashboard");
                String shown = browser.text(By.id("certificates"));
                assertTrue(Pattern.compile("client certificate\nRENEW expires \\d{4}-\\d{2}-\\d{2}").matcher(shown).find()
                        && Pattern.compile("peers' authorities\nRENEW expires \\d{4}-\\d{2}-\\d{2}").matcher(shown).find(),
                        "due within 30 days: " + shown);
                browser.screenshot("dashboard-certificates");
            }
        }
    }

    /** The store's expiry gauge: the test authority and certificates are made for two days. */
    private static void assertExpiresWithinTwoDays(String metrics, String store) {
        double left = MetricSamples.value(metrics, "synthgate_tls_certificate_expiry_seconds{store=\"" + store + "\"}")
                .orElseThrow();
        assertTrue(left > 0 && left <= Duration.ofDays(2).toSeconds(), store + ": seconds left: " + left);
    }

    private static GatewayProcess gateway(int tlsPort, String clientAuth) {
        return GatewayProcess.forResearchPacs(folder.resolve("gateway-" + clientAuth), 1, Map.of(
                        "synthgate.dicom.tls.port", Integer.toString(tlsPort),
                        "synthgate.dicom.tls.key-store", certificates.serverKeyStore().toString(),
                        "synthgate.dicom.tls.trust-store", certificates.trustStore().toString(),
                        "synthgate.dicom.tls.client-auth", clientAuth))
                .withEnvironment("SYNTHGATE_DICOM_TLS_KEY_STORE_PASSWORD", TestCertificates.PASSWORD)
                .withEnvironment("SYNTHGATE_DICOM_TLS_TRUST_STORE_PASSWORD", TestCertificates.PASSWORD);
    }

    private static ProcessRun echo(int port, String client) {
        return dcmtk("echoscu", port, client, List.of());
    }

    /** A DCMTK tool over TLS, checking SynthGate's certificate; with {@code client}'s certificate, or anonymous. */
    private static ProcessRun dcmtk(String tool, int port, String client, List<String> files) {
        List<String> command = new ArrayList<>(List.of(tool, "-aec", GatewayProcess.AE_TITLE));
        if (client == null) {
            command.add("+tla");
        } else {
            command.addAll(List.of("+tls", certificates.key(client).toString(), certificates.certificate(client).toString()));
        }
        command.addAll(List.of("+cf", certificates.authority().toString(), "127.0.0.1", Integer.toString(port)));
        command.addAll(files);
        return ProcessRun.run(command);
    }
}
