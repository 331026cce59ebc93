package se.asfplan.web.api;

import java.net.URI;

/**
 * The answer to a recorded command: what was recorded and where to read it. Reads are served by projections
 * and may take a moment to show a new event.
 */
public record Recorded(String recorded, URI location) {
}
