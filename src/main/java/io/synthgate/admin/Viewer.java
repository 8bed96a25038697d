package io.synthgate.admin;

import io.quarkus.security.identity.SecurityIdentity;
import io.synthgate.access.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The signed-in user as the pages see them ({@code {inject:viewer.name}} in templates): their name and
 * which parts of the top bar their roles open.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;

    public Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String getName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean isReviewer() {
        return identity.hasRole(Roles.REVIEWER) || isAdmin();
    }

    public boolean isResearcher() {
        return identity.hasRole(Roles.RESEARCHER) || isAdmin();
    }

    /** The page a user lands on: the dashboard for admins, the worklist for reviewers, runs for researchers. */
    public String home() {
        if (isAdmin()) {
            return "/admin/dashboard";
        }
        if (isReviewer()) {
            return "/admin/review";
        }
        return isResearcher() ? "/admin/runs" : "/admin/reports";
    }
}
