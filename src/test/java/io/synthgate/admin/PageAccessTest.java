package io.synthgate.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.synthgate.testing.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who reaches the pages: anonymous callers are sent to the sign-in form, a signed-in user without the
 * page's role gets 403, forms without their CSRF token are refused, and the pages' session never opens
 * {@code /api}.
 */
@QuarkusTest
class PageAccessTest {

    @Test
    void anonymousCallersAreSentToTheSignInFormWhichIsOpen() {
        given().redirects().follow(false).get("/admin/dashboard").then().statusCode(302)
                .header("Location", endsWith("/admin/sign-in"));
        given().get("/admin/sign-in").then().statusCode(200).body(containsString("j_security_check"));
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/admin"));
    }

    @Test
    void aWrongPasswordReturnsToTheFormSayingSo() {
        Response failed = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", "rita", "j_password", "wrong")).post("/j_security_check");
        assertEquals(302, failed.statusCode());
        assertEquals(true, failed.header("Location").endsWith("/admin/sign-in?failed=true"));
    }

    @Test
    void eachRoleLandsOnItsHomeAndMeets403OutsideItsPages() {
        String rita = session(TestUser.REVIEWER);
        given().cookie("synthgate-session", rita).redirects().follow(false).get("/admin").then().statusCode(303)
                .header("Location", endsWith("/admin/review"));
        given().cookie("synthgate-session", rita).get("/admin/review").then().statusCode(200);
        given().cookie("synthgate-session", rita).get("/admin/dashboard").then().statusCode(403);
        given().cookie("synthgate-session", rita).get("/admin/jobs/" + UUID.randomUUID() + "/masks").then()
                .statusCode(403);
        given().cookie("synthgate-session", rita).get("/admin/jobs").then().statusCode(403);
        given().cookie("synthgate-session", rita).get("/admin/cohorts").then().statusCode(403);
        String rex = session(TestUser.RESEARCHER);
        given().cookie("synthgate-session", rex).redirects().follow(false).get("/admin").then()
                .header("Location", endsWith("/admin/runs"));
        given().cookie("synthgate-session", rex).get("/admin/review").then().statusCode(403);
        given().cookie("synthgate-session", rex).get("/admin/generator-calls").then().statusCode(403);
        given().cookie("synthgate-session", rex).get("/admin/studies").then().statusCode(403);
        given().cookie("synthgate-session", rex).get("/admin/jobs").then().statusCode(200);
        given().cookie("synthgate-session", rex).get("/admin/cohorts").then().statusCode(200)
                .body(containsString("No source is configured"));
        given().cookie("synthgate-session", session(TestUser.ADMIN)).get("/admin/dashboard").then().statusCode(200)
                .body(containsString("DICOM listener"));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        String ada = session(TestUser.ADMIN);
        given().cookie("synthgate-session", ada).contentType(ContentType.URLENC).formParam("bodyParts", "knee")
                .post("/admin/runs").then().statusCode(400);
        given().cookie("synthgate-session", ada).contentType(ContentType.URLENC)
                .post("/admin/jobs/00000000-0000-0000-0000-000000000000/retry").then().statusCode(400);
        given().cookie("synthgate-session", ada).contentType(ContentType.URLENC).formParam("source", "clinical")
                .formParam("modality", "CR").post("/admin/cohorts").then().statusCode(400);
    }

    @Test
    void thePagesSessionDoesNotOpenTheApi() {
        given().cookie("synthgate-session", session(TestUser.ADMIN)).get("/api/jobs").then().statusCode(401);
    }

    /** Signs in through the form and returns the session cookie's value. */
    private static String session(TestUser user) {
        Response signedIn = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", user.username(), "j_password", user.password())).post("/j_security_check");
        assertEquals(302, signedIn.statusCode(), signedIn.asString());
        return signedIn.cookie("synthgate-session");
    }
}
