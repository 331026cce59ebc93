package se.asfplan.infra.concurrency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's target aggregate through its {@code @TargetAggregateIdentifier} field (as Axon does by
 * default) and takes the expected version from the command's metadata ({@value #EXPECTED_VERSION}), so that no
 * command record needs a version field. Without the metadata entry, the version a command record itself names (if
 * any) is kept; with neither, the aggregate is changed at whatever version it has.
 * <p>
 * Axon then refuses the command with {@code ConflictingAggregateVersionException} unless the aggregate's version
 * (the sequence number of its last event) equals the expected one.
 */
public class ExpectedVersionTargetResolver implements CommandTargetResolver {

    /** The metadata entry that holds the expected version: a non-negative number. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        if (expected == null) {
            return target;
        }
        return new VersionedAggregateIdentifier(target.getIdentifierValue(), expectedVersion(expected));
    }

    private static Long expectedVersion(Object value) {
        long version;
        if (value instanceof Number number) {
            version = number.longValue();
        } else {
            try {
                version = Long.parseLong(value.toString());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the expected version must be a number, but was '" + value + "'");
            }
        }
        if (version < 0) {
            throw new IllegalArgumentException("the expected version must not be negative, but was " + version);
        }
        return version;
    }
}
