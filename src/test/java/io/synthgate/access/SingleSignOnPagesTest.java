package io.synthgate.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.synthgate.testing.Browser;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The pages signed in through the hospital's OpenID Connect provider (a stand-in with a login form),
 * in a real browser: the README's web-app tenant for {@code /admin}, the code flow, and the
 * provider's group {@code admin} mapped to SynthGate's admin role.
 */
@QuarkusTest
@TestProfile(SingleSignOnPagesTest.PagesSignOn.class)
@WithTestResource(OidcWiremockTestResource.class)
class SingleSignOnPagesTest {

    @TestHTTPResource("/")
    URL root;

    /** The README's settings for the pages, pointed at the stand-in. */
    public static class PagesSignOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("quarkus.oidc.tenant-enabled", "true"),
                    Map.entry("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/"),
                    Map.entry("quarkus.oidc.client-id", "synthgate"),
                    Map.entry("quarkus.oidc.pages.tenant-paths", "/admin/*,/admin"),
                    Map.entry("quarkus.oidc.pages.application-type", "web-app"),
                    Map.entry("quarkus.oidc.pages.auth-server-url", "${keycloak.url}/realms/quarkus/"),
                    Map.entry("quarkus.oidc.pages.client-id", "synthgate"),
                    Map.entry("quarkus.oidc.pages.credentials.secret", "secret"),
                    Map.entry("quarkus.oidc.pages.logout.path", "/admin/sign-out"),
                    Map.entry("quarkus.http.auth.permission.admin.auth-mechanism", "code"),
                    Map.entry("quarkus.http.auth.roles-mapping.\"admin\"", "admin"));
        }
    }

    @Test
    void anAdminSignsInAtTheHospitalsProviderLandsOnTheDashboardAndSignsOut() {
        String base = root.toString().replaceAll("/$", "");
        try (Browser browser = Browser.open(base)) {
            browser.go("/admin/dashboard");
            browser.await(By.id("username")).sendKeys("alice");
            browser.driver().findElement(By.id("password")).sendKeys("alice");
            browser.driver().findElement(By.id("login")).click();
            browser.awaitUrlContaining("/admin/dashboard");
            assertTrue(browser.await(By.cssSelector(".signout .user")).getText().equals("alice"));
            assertEquals("Dashboard", browser.driver().findElement(By.tagName("h1")).getText());

            WebElement signOut = browser.driver().findElement(By.cssSelector(".signout button"));
            signOut.click();
            // The sign-out is a form post answered with redirects; wait until the page has left.
            browser.awaitGone(signOut);
            browser.go("/admin/dashboard");
            browser.await(By.id("username"));
            assertTrue(browser.driver().findElements(By.cssSelector(".signout .user")).isEmpty(),
                    "signed out: the provider asks again");
        }
    }
}
