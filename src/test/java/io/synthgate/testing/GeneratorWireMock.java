package io.synthgate.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WireMock server standing in for every generator provider, and the configuration that points
 * SynthGate's HTTP generators at it, one path prefix per generator. Tests stub the documented
 * request and answer shapes of {@code generator-apis.md}; inject the server with {@link InjectWireMock}.
 */
public class GeneratorWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String OPENAI_KEY = "sk-test-openai-secret";
    public static final String STABILITY_KEY = "sk-test-stability-secret";
    public static final String A1111_CREDENTIALS = "researcher:webui-secret";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        Map<String, String> config = new LinkedHashMap<>();
        generator(config, "openai", "openai", base + "/v1");
        config.put("synthgate.generator.openai.api-key", OPENAI_KEY);
        config.put("synthgate.generator.openai.model", "gpt-image-2");
        generator(config, "dalle2", "openai", base + "/compat/v1");
        config.put("synthgate.generator.dalle2.model", "dall-e-2");
        config.put("synthgate.generator.dalle2.size", "512x512");
        generator(config, "slow", "openai", base + "/slow/v1");
        config.put("synthgate.generator.slow.model", "gpt-image-2");
        config.put("synthgate.generator.slow.timeout", "500ms");
        config.put("synthgate.generator.slow.retry.max-attempts", "2");
        generator(config, "a1111", "a1111", base + "/a1111");
        config.put("synthgate.generator.a1111.api-key", A1111_CREDENTIALS);
        config.put("synthgate.generator.a1111.parameters.steps", "20");
        config.put("synthgate.generator.a1111.parameters.sampler_name", "Euler a");
        generator(config, "stability", "stability", base + "/stability");
        config.put("synthgate.generator.stability.api-key", STABILITY_KEY);
        config.put("synthgate.generator.stability.retry.max-wait", "1s");
        generator(config, "kserve", "kserve", base + "/kserve");
        config.put("synthgate.generator.kserve.model", "radiograph-inpainter");
        config.put("synthgate.generator.kserve.size", "64x64");
        config.put("synthgate.generator.kserve.parameters.steps", "30");
        config.put("synthgate.generator.kserve.parameters.guidance", "7.5");
        generator(config, "flaky", "a1111", base + "/flaky");
        config.put("synthgate.generator.flaky.retry.max-attempts", "1");
        config.put("synthgate.generator.flaky.circuit-breaker.failure-threshold", "2");
        config.put("synthgate.generator.flaky.circuit-breaker.open-for", "1h");
        generator(config, "serial", "a1111", base + "/serial");
        config.put("synthgate.generator.serial.concurrency", "1");
        return config;
    }

    private static void generator(Map<String, String> config, String name, String type, String baseUrl) {
        config.put("synthgate.generator." + name + ".type", type);
        config.put("synthgate.generator." + name + ".base-url", baseUrl);
        config.put("synthgate.generator." + name + ".retry.initial-delay", "10ms");
        config.put("synthgate.generator." + name + ".retry.max-attempts", "3");
        config.put("synthgate.generator." + name + ".timeout", "5s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
