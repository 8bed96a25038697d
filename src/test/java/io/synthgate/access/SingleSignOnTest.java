package io.synthgate.access;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hospital single sign-on against an OpenID Connect provider stand-in (discovery, keys, signed
 * tokens): {@code /api} takes the provider's bearer tokens, and the groups in them become SynthGate's
 * roles through {@code quarkus.http.auth.roles-mapping}, exactly as the README configures it.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.HospitalSignOn.class)
@WithTestResource(OidcWiremockTestResource.class)
class SingleSignOnTest {

    /** The README's single sign-on settings, pointed at the stand-in. */
    public static class HospitalSignOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "synthgate",
                    "quarkus.oidc.credentials.secret", "secret",
                    "quarkus.oidc.roles.role-claim-path", "groups",
                    "quarkus.http.auth.permission.api.auth-mechanism", "bearer",
                    "quarkus.http.auth.roles-mapping.\"Radiologists\"", "reviewer",
                    "quarkus.http.auth.roles-mapping.\"Research IT\"", "admin");
        }
    }

    @Test
    void aRadiologistsTokenOpensTheWorklistAndNothingOfTheAdmins() {
        String token = OidcWiremockTestResource.getAccessToken("dr.lee", Set.of("Radiologists"));
        given().auth().oauth2(token).get("/api/reviews").then().statusCode(200);
        given().auth().oauth2(token).get("/api/reviews/decisions").then().statusCode(200);
        given().auth().oauth2(token).get("/api/generator-calls").then().statusCode(403);
        given().auth().oauth2(token).get("/api/jobs").then().statusCode(403);
    }

    @Test
    void researchItIsAdmin() {
        String token = OidcWiremockTestResource.getAccessToken("it.ops", Set.of("Research IT"));
        given().auth().oauth2(token).get("/api/generator-calls").then().statusCode(200);
        given().auth().oauth2(token).get("/api/jobs").then().statusCode(200);
    }

    @Test
    void aGroupNoOneMappedGivesNoRoleAndNoTokenNoEntry() {
        String stranger = OidcWiremockTestResource.getAccessToken("visitor", Set.of("Cafeteria"));
        given().auth().oauth2(stranger).get("/api/reviews").then().statusCode(403);
        given().redirects().follow(false).get("/api/reviews").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/reviews").then().statusCode(401);
    }
}
