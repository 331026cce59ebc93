package se.asfplan.web.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import se.asfplan.infra.chain.ChainVerifications;
import se.asfplan.infra.chain.EventChainCheckpoints;

/**
 * {@code /actuator/health/eventChain}: the last verification of the event log's hash chain that ended (its state,
 * when it was started and ended, by whom, how many events it read and how many breaks it found) and the last signed
 * checkpoint. Details are shown to signed-in users.
 * <p>
 * Status: {@link #CHAIN_BROKEN} when the last verification found breaks (ranked below DOWN and OUT_OF_SERVICE,
 * above PARKED, and answered 200: the service goes on serving; an operator and the auditors must look); otherwise
 * {@code UP}, also when no verification has run yet (detail {@code lastVerification: none}) or the last one could
 * not finish (state {@code FAILED}).
 */
@Component("eventChain")
public class EventChainHealthIndicator extends AbstractHealthIndicator {

    /** The last verification found the log changed. */
    public static final Status CHAIN_BROKEN = new Status("CHAIN_BROKEN",
            "the last verification of the event log's hash chain found breaks");

    private final ChainVerifications verifications;
    private final EventChainCheckpoints checkpoints;

    public EventChainHealthIndicator(ChainVerifications verifications, EventChainCheckpoints checkpoints) {
        super("The event chain's verifications could not be read");
        this.verifications = verifications;
        this.checkpoints = checkpoints;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var last = verifications.lastEnded();
        builder.status(last.isPresent() && "BROKEN".equals(last.get().state()) ? CHAIN_BROKEN : Status.UP);
        if (last.isEmpty()) {
            builder.withDetail("lastVerification", "none");
        } else {
            var v = last.get();
            var detail = new java.util.LinkedHashMap<String, Object>();
            detail.put("id", v.id());
            detail.put("state", v.state());
            detail.put("startedAt", v.startedAt().toString());
            detail.put("finishedAt", v.finishedAt() == null ? null : v.finishedAt().toString());
            detail.put("startedBy", v.startedBy());
            detail.put("events", v.events());
            detail.put("breaks", v.breakCount());
            builder.withDetail("lastVerification", detail);
        }
        checkpoints.last().ifPresent(checkpoint -> builder.withDetail("lastCheckpoint", java.util.Map.of(
                "position", checkpoint.position(), "createdAt", checkpoint.createdAt())));
    }
}
