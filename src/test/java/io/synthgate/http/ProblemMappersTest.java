package io.synthgate.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import io.synthgate.failure.RefusedException;
import io.synthgate.failure.RetryableException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Each failure answers the problem that tells the caller what to do; a bug is a 500 that keeps its details in the log. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void synthGatesOwnFailuresMapToTheirStatuses() {
        assertProblem(400, "bodyParts must name at least one body part",
                mappers.invalidRequest(new InvalidRequestException("bodyParts must name at least one body part")));
        assertProblem(400, "Not a UID: x", mappers.malformedValue(new IllegalArgumentException("Not a UID: x")));
        assertProblem(409, "Job 1 cannot move from EXPORTED to PROCESSING",
                mappers.conflict(new ConflictException("Job 1 cannot move from EXPORTED to PROCESSING")));
        assertProblem(422, "budget spent", mappers.refused(new RefusedException("budget spent")));
        assertProblem(503, "PACS down", mappers.retryable(new RetryableException("PACS down")));
    }

    @Test
    void anIllegalStateFromABugIsA500WithoutItsMessage() {
        Response response = mappers.bug(new IllegalStateException("index 7 out of bounds in Compositor"));
        Problem problem = (Problem) response.getEntity();
        assertEquals(500, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertFalse(problem.detail().contains("Compositor"), "internals stay in the log: " + problem.detail());
    }

    private static void assertProblem(int status, String detail, Response response) {
        Problem problem = (Problem) response.getEntity();
        assertEquals(status, response.getStatus());
        assertEquals(status, problem.status());
        assertEquals(detail, problem.detail());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    }
}
