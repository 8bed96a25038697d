package io.synthgate.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Links to the research PACS's viewer for a synthetic study ({@code synthgate.admin.viewer-url}). */
@ApplicationScoped
public class ViewerLinks {

    private final Optional<String> template;

    public ViewerLinks(AdminConfig config) {
        this.template = config.viewerUrl().filter(url -> !url.isBlank());
    }

    /** The viewer's page of {@code studyInstanceUid}; empty when no viewer is configured or the UID is unknown. */
    public Optional<String> study(String studyInstanceUid) {
        if (studyInstanceUid == null || studyInstanceUid.isBlank()) {
            return Optional.empty();
        }
        return template.map(url -> url.replace("{studyInstanceUid}",
                URLEncoder.encode(studyInstanceUid, StandardCharsets.UTF_8)));
    }
}
