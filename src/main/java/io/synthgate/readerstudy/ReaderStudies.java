package io.synthgate.readerstudy;

import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import io.synthgate.job.JobOutput;
import io.synthgate.job.JobOutputService;
import io.synthgate.job.JobService;
import io.synthgate.job.JobView;
import io.synthgate.job.OutputState;
import io.synthgate.report.CsvField;
import io.synthgate.spool.Spool;
import io.synthgate.wrap.SyntheticFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Reader studies: builds a reading set from an experiment's kept candidates and their de-identified
 * originals, hands each reader the set in an order of their own, records one answer per reader and
 * image, and computes the results. Readers see item ids and reading copies only, never what an item is.
 */
@ApplicationScoped
@Transactional
public class ReaderStudies {

    private static final Logger LOG = Logger.getLogger(ReaderStudies.class);

    /** The newest jobs of the experiment a set is built from. */
    static final int MAX_JOBS = 500;
    private static final Set<OutputState> READABLE = Set.of(OutputState.GENERATED, OutputState.APPROVED,
            OutputState.EXPORTED);

    private final ReadingRepositories.Sets sets;
    private final ReadingRepositories.Items items;
    private final ReadingRepositories.Readings readings;
    private final JobService jobs;
    private final JobOutputService outputs;
    private final SyntheticFiles files;
    private final Spool spool;
    private final Clock clock;

    public ReaderStudies(ReadingRepositories.Sets sets, ReadingRepositories.Items items,
            ReadingRepositories.Readings readings, JobService jobs, JobOutputService outputs, SyntheticFiles files,
            Spool spool, Clock clock) {
        this.spool = spool;
        this.sets = sets;
        this.items = items;
        this.readings = readings;
        this.jobs = jobs;
        this.outputs = outputs;
        this.files = files;
        this.clock = clock;
    }

    /**
     * A new reading set of the experiment's candidates (not those rejected in review, nor those still
     * awaiting it) whose files are kept, and of the de-identified original of each, once. Each image is
     * copied into the set's own folder of the spool, so the set can be read whatever retention removes.
     */
    public ReadingSetView build(String name, String experiment, String createdBy) throws IOException {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidRequestException("A reading set needs a name of 1 to 200 characters");
        }
        if (experiment == null || experiment.isBlank()) {
            throw new InvalidRequestException("A reading set is built from an experiment's outputs: name it");
        }
        ReadingSetEntity set = new ReadingSetEntity();
        set.id = UUID.randomUUID();
        set.name = name.strip();
        set.experiment = experiment.strip();
        set.createdBy = createdBy;
        set.createdAt = clock.instant();
        List<ReadingItemEntity> built = new ArrayList<>();
        Map<Path, ReadingItemEntity> originals = new LinkedHashMap<>();
        Path folder = spool.readerStudies().resolve(set.id.toString());
        for (JobView job : jobs.listForExperiment(set.experiment, MAX_JOBS)) {
            for (JobOutput output : outputs.listForJob(job.id())) {
                if (!READABLE.contains(output.state()) || !Files.isRegularFile(output.file())) {
                    continue;
                }
                SyntheticFiles.Header header = files.header(output.file());
                Optional<Path> original = header.source();
                if (original.isPresent() && !originals.containsKey(original.get())) {
                    ReadingItemEntity real = item(set.id, Origin.REAL, header,
                            original.get().getFileName().toString().replaceFirst("\\.dcm$", ""));
                    real.spoolPath = copy(original.get(), folder, real.id).toString();
                    real.windowPath = real.spoolPath;
                    originals.put(original.get(), real);
                }
                ReadingItemEntity synthetic = item(set.id, Origin.SYNTHETIC, header, output.sopInstanceUid().value());
                synthetic.spoolPath = copy(output.file(), folder, synthetic.id).toString();
                synthetic.windowPath = original.map(path -> originals.get(path).spoolPath).orElse(synthetic.spoolPath);
                built.add(synthetic);
            }
        }
        built.addAll(originals.values());
        if (built.isEmpty()) {
            throw new ConflictException("Experiment '" + set.experiment + "' has no candidate kept in the spool (outside"
                    + " review's rejected and waiting ones) to read");
        }
        sets.persist(set);
        for (int i = 0; i < built.size(); i++) {
            built.get(i).number = i + 1;
            items.persist(built.get(i));
        }
        return view(set);
    }

    private Path copy(Path file, Path folder, UUID item) throws IOException {
        Path temporary = spool.newTemporaryFile();
        try {
            Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            return spool.commit(temporary, folder.resolve(item + ".dcm"));
        } finally {
            spool.discard(temporary);
        }
    }

    /**
     * Deletes a reading set, its readings and its copies of the images, and logs who did; false when
     * there is no such set.
     */
    public boolean delete(UUID setId, String deletedBy) throws IOException {
        ReadingSetEntity set = sets.findById(setId);
        if (set == null) {
            return false;
        }
        long deleted = readings.delete("setId", setId);
        items.delete("setId", setId);
        sets.delete(set);
        Path folder = spool.readerStudies().resolve(setId.toString());
        if (Files.isDirectory(folder)) {
            try (Stream<Path> copies = Files.list(folder)) {
                for (Path copy : (Iterable<Path>) copies::iterator) {
                    Files.deleteIfExists(copy);
                }
            }
            Files.deleteIfExists(folder);
        }
        LOG.infof("Reader study %s '%s' deleted by %s, with its %d readings", setId, set.name, deletedBy, deleted);
        return true;
    }

    private static ReadingItemEntity item(UUID setId, Origin truth, SyntheticFiles.Header header, String sopInstanceUid) {
        ReadingItemEntity item = new ReadingItemEntity();
        item.id = UUID.randomUUID();
        item.setId = setId;
        item.truth = truth;
        item.sopInstanceUid = sopInstanceUid;
        item.bodyPart = header.bodyPart();
        item.operation = header.operation();
        return item;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReadingSetView> list() {
        return sets.newestFirst().stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReadingSetView> find(UUID setId) {
        return Optional.ofNullable(sets.findById(setId)).map(this::view);
    }

    /** The next image {@code reader} has not read, in the reader's own order; empty when all are read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NextItem> next(UUID setId, String reader) {
        List<UUID> order = order(setId, reader);
        Set<UUID> read = readings.ofReader(setId, reader).stream().map(reading -> reading.itemId)
                .collect(Collectors.toSet());
        return order.stream().filter(item -> !read.contains(item)).findFirst()
                .map(item -> new NextItem(item, read.size() + 1, order.size()));
    }

    /**
     * The set's items in {@code reader}'s order: shuffled by a seed of the set and the reader, so each
     * reader has an order of their own, the same every time they come back.
     */
    private List<UUID> order(UUID setId, String reader) {
        return readerOrder(items.ofSet(setId).stream().map(item -> item.id).toList(), setId, reader);
    }

    /** {@code items} (in the set's order) shuffled for {@code reader}. */
    static List<UUID> readerOrder(List<UUID> items, UUID setId, String reader) {
        List<UUID> order = new ArrayList<>(items);
        Collections.shuffle(order, new Random(seed(setId, reader)));
        return order;
    }

    private static long seed(UUID setId, String reader) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((setId + "/" + reader).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Records {@code reader}'s answer on an item of the set, once; 1 to 5 for confidence and plausibility. */
    public void read(UUID setId, String reader, ReadingRequest request) {
        if (request == null || request.item() == null || request.answer() == null) {
            throw new InvalidRequestException("A reading needs {\"item\": ..., \"answer\": \"REAL\" or \"SYNTHETIC\","
                    + " \"confidence\": 1-5, \"plausibility\": 1-5}");
        }
        Origin answer;
        try {
            answer = Origin.valueOf(request.answer().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("answer must be REAL or SYNTHETIC, not '" + request.answer() + "'");
        }
        requireRating("confidence", request.confidence());
        requireRating("plausibility", request.plausibility());
        UUID itemId = request.item();
        ReadingItemEntity item = items.findById(itemId);
        if (item == null || !item.setId.equals(setId)) {
            throw new InvalidRequestException("Reading set " + setId + " has no image " + itemId);
        }
        if (readings.ofReader(setId, reader).stream().anyMatch(reading -> reading.itemId.equals(itemId))) {
            throw new ConflictException(reader + " already read this image; each reader answers once");
        }
        ReadingEntity reading = new ReadingEntity();
        reading.setId = setId;
        reading.itemId = itemId;
        reading.reader = reader;
        reading.answer = answer;
        reading.confidence = request.confidence();
        reading.plausibility = request.plausibility();
        reading.readAt = clock.instant();
        readings.persist(reading);
    }

    private static void requireRating(String name, Integer value) {
        if (value == null || value < 1 || value > 5) {
            throw new InvalidRequestException(name + " must be 1 to 5, not " + value);
        }
    }

    /** The item of a set, for its reading copy; empty when the set has no such item. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReadingItemEntity> item(UUID setId, UUID itemId) {
        return Optional.ofNullable(items.findById(itemId)).filter(item -> item.setId.equals(setId));
    }

    /** What is behind each item: for those who built the set and analyse it, never for readers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ItemKey> key(UUID setId) {
        return items.ofSet(setId).stream().map(item -> new ItemKey(item.id, item.number, item.truth.name(),
                item.sopInstanceUid, item.bodyPart, item.operation)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReaderStudyResults results(UUID setId) {
        return ReaderStudyResults.of(items.ofSet(setId), readings.ofSet(setId));
    }

    /** One CSV line per reading, with what the image was. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String csv(UUID setId) {
        Map<UUID, ReadingItemEntity> byId = items.ofSet(setId).stream()
                .collect(Collectors.toMap(item -> item.id, item -> item, (a, b) -> a, LinkedHashMap::new));
        StringBuilder csv = new StringBuilder(
                "reader,image,truth,answer,correct,confidence,plausibility,body_part,operation,sop_instance_uid,read_at\n");
        for (ReadingEntity reading : readings.ofSet(setId)) {
            ReadingItemEntity item = byId.get(reading.itemId);
            csv.append(String.join(",", CsvField.of(reading.reader), Integer.toString(item.number), item.truth.name(),
                    reading.answer.name(), Boolean.toString(reading.answer == item.truth),
                    Integer.toString(reading.confidence), Integer.toString(reading.plausibility),
                    item.bodyPart == null ? "" : item.bodyPart, item.operation, item.sopInstanceUid,
                    reading.readAt.toString())).append('\n');
        }
        return csv.toString();
    }

    private ReadingSetView view(ReadingSetEntity set) {
        List<ReadingItemEntity> of = items.ofSet(set.id);
        Map<String, Long> readers = readings.ofSet(set.id).stream()
                .collect(Collectors.groupingBy(reading -> reading.reader, TreeMap::new, Collectors.counting()));
        return new ReadingSetView(set.id, set.name, set.experiment, set.createdBy, set.createdAt, of.size(),
                (int) of.stream().filter(item -> item.truth == Origin.REAL).count(),
                (int) of.stream().filter(item -> item.truth == Origin.SYNTHETIC).count(), readers);
    }
}
