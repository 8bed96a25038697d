package io.synthgate.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in and out of the pages: the form Quarkus's form authentication posts to
 * {@code /j_security_check}, the landing redirect to each role's home page, and signing out.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private final Viewer viewer;
    private final String sessionCookie;

    public SignInPage(Viewer viewer, @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.viewer = viewer;
        this.sessionCookie = sessionCookie;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(boolean failed);
    }

    @GET
    @Path("admin/sign-in")
    @PermitAll
    public TemplateInstance signIn(@QueryParam("failed") boolean failed) {
        return Templates.signIn(failed);
    }

    /** The root and {@code /admin} lead to the signed-in user's home page (or to sign in). */
    @GET
    @PermitAll
    public Response root() {
        return Response.seeOther(URI.create("/admin")).build();
    }

    @GET
    @Path("admin")
    @PermitAll
    public Response home() {
        return Response.seeOther(URI.create(viewer.getName().isEmpty() ? "/admin/sign-in" : viewer.home())).build();
    }

    /** Ends the session: the cookie that carries it is expired. */
    @POST
    @Path("admin/sign-out")
    @PermitAll
    public Response signOut() {
        NewCookie expired = new NewCookie.Builder(sessionCookie).path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/admin/sign-in")).cookie(expired).build();
    }
}
