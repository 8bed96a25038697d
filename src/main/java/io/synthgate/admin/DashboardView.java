package io.synthgate.admin;

import io.synthgate.database.DatabaseWatch;
import io.synthgate.experiment.ExperimentCatalog;
import io.synthgate.export.Destination;
import io.synthgate.export.DestinationWatch;
import io.synthgate.export.Destinations;
import io.synthgate.generator.GeneratorCallLog;
import io.synthgate.generator.GeneratorsHealthCheck;
import io.synthgate.ingest.DicomListener;
import io.synthgate.ingest.DicomListenerConfig;
import io.synthgate.ingest.DicomMetrics;
import io.synthgate.job.JobService;
import io.synthgate.job.JobState;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.Readiness;

/** Gathers the {@link Dashboard} from the listener, the health checks, the gauges and the job records. */
@ApplicationScoped
public class DashboardView {

    private static final int FAILURES = 8;

    private final DicomListener listener;
    private final DicomListenerConfig listenerConfig;
    private final DicomMetrics dicom;
    private final Destinations destinations;
    private final DestinationWatch watch;
    private final GeneratorsHealthCheck generators;
    private final GeneratorCallLog calls;
    private final GatewayGauges gauges;
    private final ExperimentCatalog experiments;
    private final JobService jobs;
    private final Spool spool;
    private final DatabaseWatch database;
    private final CertificateExpiryWatch certificates;
    private final Clock clock;

    public DashboardView(DicomListener listener, DicomListenerConfig listenerConfig, DicomMetrics dicom,
            Destinations destinations, DestinationWatch watch, @Readiness GeneratorsHealthCheck generators,
            GeneratorCallLog calls,
            GatewayGauges gauges, ExperimentCatalog experiments, JobService jobs, Spool spool, DatabaseWatch database,
            CertificateExpiryWatch certificates, Clock clock) {
        this.listener = listener;
        this.listenerConfig = listenerConfig;
        this.dicom = dicom;
        this.destinations = destinations;
        this.watch = watch;
        this.generators = generators;
        this.calls = calls;
        this.gauges = gauges;
        this.experiments = experiments;
        this.jobs = jobs;
        this.spool = spool;
        this.database = database;
        this.certificates = certificates;
        this.clock = clock;
    }

    /**
     * Gathers it now; the database gauges are counted afresh, so the page never shows an older count,
     * unless the database does not answer: then the page still shows what needs no database (the
     * listener, the peers, the spool, the certificates) and says so, when an admin needs it most.
     */
    public Dashboard gather() {
        boolean databaseAnswers = database.answers();
        if (databaseAnswers) {
            gauges.refresh();
        }
        Map<String, Long> today = databaseAnswers ? calls.callsSince(LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .atStartOfDay().toInstant(ZoneOffset.UTC)) : Map.of();
        List<Dashboard.GeneratorState> generatorStates = new ArrayList<>();
        generatorStates.add(new Dashboard.GeneratorState("builtin", "UP", "classical inpainter, runs here", null,
                today.getOrDefault("builtin", 0L)));
        generators.states().stream().sorted(Comparator.comparing(GeneratorsHealthCheck.State::name))
                .forEach(state -> generatorStates.add(new Dashboard.GeneratorState(state.name(),
                        state.problem().isPresent() ? "DOWN" : "UP", "circuit " + state.circuit(),
                        state.problem().orElse(null), today.getOrDefault(state.name(), 0L))));
        List<Dashboard.PeerState> destinationStates = destinations.all().stream().map(this::destinationState).toList();
        Map<String, Long> used = gauges.budgetUsedToday();
        List<Dashboard.Budget> budgets = experiments.enabled().stream()
                .filter(experiment -> experiment.imagesPerDay().isPresent())
                .map(experiment -> new Dashboard.Budget(experiment.name(), used.getOrDefault(experiment.name(), 0L),
                        experiment.imagesPerDay().getAsInt()))
                .toList();
        return new Dashboard(new Dashboard.Listener(listenerConfig.aeTitle(), listener.port(), listener.isListening(),
                dicom.openAssociations()), destinationStates, generatorStates, budgets, spool.freeBytes(),
                gauges.jobsByState(), gauges.reviewQueue(),
                databaseAnswers ? jobs.listInState(JobState.FAILED, FAILURES) : List.of(), databaseAnswers,
                certificates.states(), clock.instant());
    }

    private Dashboard.PeerState destinationState(Destination destination) {
        DestinationWatch.Status status = watch.status(destination);
        if (status.reachable()) {
            return new Dashboard.PeerState(destination.name(), "UP", destination.address(), null);
        }
        return new Dashboard.PeerState(destination.name(), status.hold().state(), destination.address(),
                status.describe(clock.instant()));
    }
}
