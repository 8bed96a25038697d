package io.synthgate.readerstudy;

/**
 * A reading set to build.
 *
 * @param name what to call it
 * @param experiment the experiment whose kept candidates and originals it takes
 */
public record ReadingSetRequest(String name, String experiment) {
}
