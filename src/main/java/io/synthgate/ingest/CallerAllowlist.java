package io.synthgate.ingest;

import io.synthgate.dicom.AeTitle;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The calling-AE policy: entries {@code AET}, {@code AET@host}, {@code *@host} or {@code *}. Host names
 * are resolved once, when the listener starts, so a DNS hiccup cannot open or close the door later.
 */
public final class CallerAllowlist {

    private final List<Entry> entries;

    private CallerAllowlist(List<Entry> entries) {
        this.entries = entries;
    }

    /** Parses and resolves the configured entries; an entry that cannot be parsed or resolved stops start-up. */
    public static CallerAllowlist parse(List<String> configured) {
        List<Entry> entries = configured.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(CallerAllowlist::entry).toList();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("synthgate.dicom.allowed-callers is empty: no caller could connect");
        }
        return new CallerAllowlist(entries);
    }

    /** Whether {@code callingAe} connecting from {@code remote} may open an association. */
    public boolean permits(String callingAe, InetAddress remote) {
        String title = callingAe == null ? "" : callingAe.strip();
        return entries.stream().anyMatch(e -> e.matches(title, remote));
    }

    /**
     * Whether any entry lets a caller on {@code remote} in, whatever AE title it will call with: asked
     * when the connection is accepted, so a host nothing allows never reaches an association worker.
     */
    public boolean admitsHost(InetAddress remote) {
        return entries.stream().anyMatch(e -> e.hosts().map(h -> h.contains(remote)).orElse(true));
    }

    private static Entry entry(String text) {
        int at = text.lastIndexOf('@');
        String title = at < 0 ? text : text.substring(0, at);
        Optional<String> aet = title.equals("*") ? Optional.empty() : Optional.of(new AeTitle(title).value());
        if (at < 0) {
            return new Entry(aet, Optional.empty());
        }
        String host = text.substring(at + 1);
        try {
            Set<InetAddress> addresses = Stream.of(InetAddress.getAllByName(host)).collect(Collectors.toSet());
            return new Entry(aet, Optional.of(addresses));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Allowed caller '" + text + "' names an unknown host", e);
        }
    }

    private record Entry(Optional<String> aeTitle, Optional<Set<InetAddress>> hosts) {

        boolean matches(String callingAe, InetAddress remote) {
            return aeTitle.map(callingAe::equals).orElse(true)
                    && hosts.map(h -> h.contains(remote)).orElse(true);
        }
    }
}
