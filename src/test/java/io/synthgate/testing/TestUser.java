package io.synthgate.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;

/**
 * The test profile's users, one per role ({@code %test.quarkus.security.users.embedded.*} in
 * {@code application.properties}); the end-to-end gateway gets the same users, hashed.
 */
public enum TestUser {
    ADMIN("ada", "ada-admin", "admin"),
    REVIEWER("rita", "rita-reviewer", "reviewer"),
    SECOND_REVIEWER("rob", "rob-reviewer", "reviewer"),
    RESEARCHER("rex", "rex-researcher", "researcher"),
    SCRAPER("prom", "prom-metrics", "metrics");

    private final String username;
    private final String password;
    private final String role;

    TestUser(String username, String password, String role) {
        this.username = username;
        this.password = password;
        this.role = role;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String role() {
        return role;
    }

    /** One user per role: the users an authorization matrix tries (the second reviewer is for experiments with several readers). */
    public static EnumSet<TestUser> oneOfEachRole() {
        return EnumSet.complementOf(EnumSet.of(SECOND_REVIEWER));
    }

    /** A REST Assured request signed in as this user with HTTP Basic. */
    public RequestSpecification given() {
        return RestAssured.given().auth().preemptive().basic(username, password);
    }

    /** The value of an {@code Authorization} header that signs in as this user. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
