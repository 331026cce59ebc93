package se.asfplan.web.report;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import se.asfplan.projections.generation.ProcessedPosition;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.ProjectionGenerations.Generations;

/**
 * Resolves, once per request and before the question is asked, which generation a report reads and which position it
 * reflects. The report's query then names the resolved generation, so that its rows and its position come from the
 * same generation even if a switch happens meanwhile.
 */
@Component
public class ReportPositions {

    private final ProjectionGenerations generations;
    private final ProcessedPosition positions;
    private final Clock clock;

    public ReportPositions(ProjectionGenerations generations, ProcessedPosition positions, Clock clock) {
        this.generations = generations;
        this.positions = positions;
        this.clock = clock;
    }

    /**
     * Where a report of the processing group's read model stands now: the requested generation (null: the active
     * one) and the position of the processor writing it, the live processor's for the active generation, the
     * rebuild's processor's for the generation it fills.
     *
     * @throws IllegalArgumentException when the requested generation is neither the active nor the rebuilding one
     */
    public ReportPosition now(String processingGroup, Integer requestedGeneration) {
        Instant generatedAt = clock.instant();
        Generations groupGenerations = generations.of(processingGroup);
        int read = groupGenerations.toRead(requestedGeneration);
        OptionalLong position = positions.of(groupGenerations.processorWriting(read));
        return new ReportPosition(generatedAt, read, position.isPresent() ? position.getAsLong() : null);
    }
}
