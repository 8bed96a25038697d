package io.synthgate.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.synthgate.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/dashboard}: the gateway at a glance, refreshing itself every few seconds. */
@Path("/admin/dashboard")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class DashboardPage {

    private final DashboardView view;

    public DashboardPage(DashboardView view) {
        this.view = view;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Dashboard dashboard);

        static native TemplateInstance live(Dashboard dashboard);
    }

    @GET
    public TemplateInstance page() {
        return Templates.page(view.gather());
    }

    /** The live part alone, which the page fetches again every 10 seconds. */
    @GET
    @Path("/live")
    public TemplateInstance live() {
        return Templates.live(view.gather());
    }
}
