package io.synthgate.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How SynthGate presents itself when it sends: {@code synthgate.export.*}. */
@ConfigMapping(prefix = "synthgate.export")
public interface ExportConfig {

    /**
     * The calling AE title of every association SynthGate opens (C-STORE, C-ECHO); a destination that
     * checks its callers must know it. Default: the listener's own, {@code synthgate.dicom.ae-title}.
     */
    @WithDefault("${synthgate.dicom.ae-title:SYNTHGATE}")
    String callingAeTitle();
}
